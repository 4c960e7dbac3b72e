/*
 * The attribute forms of the editing mode: which attributes of each editable layer a form shows
 * and how (text, whole number, decimal, date, a choice of codes), building the form as DOM (every
 * value goes in as an input's value or a text node, never as HTML) and reading it back as the
 * properties to send.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;
  const i18n = Lilong.i18n;

  /** Editable attributes per layer, in form order; `choice` names the map-config list of codes. */
  const FIELDS = {
    grids: [
      { name: 'code', kind: 'text', required: true }, { name: 'name', kind: 'text', required: true },
      { name: 'name_en', kind: 'text' }, { name: 'level', kind: 'choice', choice: 'gridLevels', required: true },
      { name: 'parent_code', kind: 'text' }, { name: 'leader_name', kind: 'text' }, { name: 'leader_phone', kind: 'text' },
      { name: 'residents', kind: 'integer' }, { name: 'households', kind: 'integer' }
    ],
    'renovation-plots': [
      { name: 'name', kind: 'text' }, { name: 'type', kind: 'text' }, { name: 'stage', kind: 'choice', choice: 'stages' },
      { name: 'households', kind: 'integer' }, { name: 'signed_households', kind: 'integer' },
      { name: 'start_date', kind: 'date' }, { name: 'finish_date', kind: 'date' }
    ],
    'pocket-parks': [
      { name: 'name', kind: 'text' }, { name: 'name_en', kind: 'text' }, { name: 'area_m2', kind: 'decimal' },
      { name: 'facilities', kind: 'text' }, { name: 'opened', kind: 'date' }, { name: 'maintained_by', kind: 'text' }
    ],
    'service-stations': [
      { name: 'name', kind: 'text' }, { name: 'name_en', kind: 'text' }, { name: 'category', kind: 'choice', choice: 'categories' },
      { name: 'services', kind: 'text' }, { name: 'hours', kind: 'text' }, { name: 'address', kind: 'text' },
      { name: 'phone', kind: 'text' }, { name: 'manager_phone', kind: 'text' }
    ]
  };

  function editableLayers() {
    return Object.keys(FIELDS);
  }

  function label(config, layerId, name) {
    const attribute = ((config.attributes || {})[layerId] || []).find((a) => a.name === name);
    return attribute ? i18n.label(attribute) || name : name;
  }

  /** The codes (value, label) of a choice field, with the current value kept even when unknown. */
  function choices(config, field, current) {
    const list = config[field.choice] || [];
    const options = list.map((item) => ({ value: String(item.code !== undefined ? item.code : item.id), label: i18n.label(item) }));
    if (current !== undefined && current !== null && current !== '' && !options.some((o) => o.value === String(current))) {
      options.unshift({ value: String(current), label: String(current) });
    }
    return options;
  }

  function input(config, layerId, field, value, disabled, extra) {
    const id = 'editor-field-' + field.name;
    const text = value === undefined || value === null ? '' : String(value);
    let control;
    if (field.kind === 'choice') {
      control = el('select', { attrs: { id, name: field.name, disabled } },
        field.required ? null : el('option', { text: '—', attrs: { value: '' } }),
        choices(config, field, value).map((o) => el('option', { text: o.label, attrs: { value: o.value, selected: o.value === text } })));
    } else {
      const type = { integer: 'number', decimal: 'number', date: 'date' }[field.kind] || 'text';
      control = el('input', { attrs: { id, name: field.name, type, disabled, required: field.required && !disabled,
        step: field.kind === 'integer' ? '1' : (field.kind === 'decimal' ? 'any' : null), min: field.kind === 'text' ? null : (type === 'number' ? '0' : null),
        list: extra && extra.list ? extra.list : null } });
      control.value = text;   // a property, not markup: any characters stay as typed
    }
    return el('div', { className: 'editor-field', dataset: { attribute: field.name } },
      el('label', { attrs: { for: id }, text: label(config, layerId, field.name) }), control);
  }

  /**
   * The fields of a layer's form for properties. options: disabled (a locked feature), parentCodes
   * (suggested parent codes for a grid).
   */
  function fields(config, layerId, properties, options) {
    const opts = options || {};
    const datalist = opts.parentCodes ? el('datalist', { attrs: { id: 'editor-parent-codes' } },
      opts.parentCodes.map((p) => el('option', { attrs: { value: p.code }, text: p.label }))) : null;
    return [datalist].concat((FIELDS[layerId] || []).map((field) => input(config, layerId, field, (properties || {})[field.name],
      opts.disabled, field.name === 'parent_code' && datalist ? { list: 'editor-parent-codes' } : null)));
  }

  /** A field's value from the form: null when empty (removes the attribute), numbers as numbers. */
  function valueOf(form, field) {
    const control = form.elements[field.name];
    if (!control) {
      return undefined;
    }
    const text = String(control.value).trim();
    if (text === '') {
      return null;
    }
    if (field.kind === 'integer') {
      return Number.parseInt(text, 10);
    }
    if (field.kind === 'decimal') {
      return Number.parseFloat(text);
    }
    return text;
  }

  /** Every field of the form: {name: value or null}. */
  function read(form, layerId) {
    const values = {};
    (FIELDS[layerId] || []).forEach((field) => {
      const value = valueOf(form, field);
      if (value !== undefined) {
        values[field.name] = value;
      }
    });
    return values;
  }

  /** Only the fields that differ from properties: the body of a merge patch (null removes). */
  function changes(form, layerId, properties) {
    const values = read(form, layerId);
    const patch = {};
    Object.keys(values).forEach((name) => {
      const before = properties[name] === undefined ? null : properties[name];
      if (values[name] !== before && String(values[name]) !== String(before)) {
        patch[name] = values[name];
      }
    });
    return patch;
  }

  /** The properties after the form: the old ones with the form's values (empty ones dropped). */
  function merged(form, layerId, properties) {
    const result = Object.assign({}, properties);
    const values = read(form, layerId);
    Object.keys(values).forEach((name) => {
      if (values[name] === null) {
        delete result[name];
      } else {
        result[name] = values[name];
      }
    });
    return result;
  }

  Lilong.editorForms = { editableLayers, fields, read, changes, merged, label };
})(window.Lilong);
