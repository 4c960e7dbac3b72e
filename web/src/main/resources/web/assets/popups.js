/*
 * Feature popups (and station tooltips): the feature's public attributes, labelled in the current
 * language with the titles map-config gives, values translated where they are codes. Built as DOM
 * with text nodes only (see dom.js): every value here comes from the data.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;
  const i18n = Lilong.i18n;

  /** Shown in the title and subtitle rather than in the table. */
  const NAME_ATTRIBUTES = new Set(['name', 'name_en']);
  const PHONE_ATTRIBUTES = new Set(['phone', 'leader_phone']);

  function findByCode(list, code, key) {
    return (list || []).find((item) => item[key || 'code'] === code);
  }

  /** A value as a node: codes become labels, numbers are grouped, phones dialable. */
  function formatValue(layerId, name, value, config) {
    if (typeof value === 'boolean') {
      return document.createTextNode(i18n.t(value ? 'yes' : 'no'));
    }
    if (typeof value === 'number') {
      return document.createTextNode(i18n.formatNumber(value, name === 'area_m2' ? 1 : 2));
    }
    if (value !== null && typeof value === 'object') {
      return document.createTextNode(JSON.stringify(value));
    }
    const text = String(value);
    if (layerId === 'grids' && name === 'level') {
      const level = findByCode(config.gridLevels, text);
      const chip = el('span', { className: 'chip' });
      chip.style.backgroundColor = Lilong.styles.gridLevelStyle(text).color;
      return el('span', {}, chip, level ? i18n.label(level) : text);
    }
    if (layerId === 'renovation-plots' && name === 'stage') {
      const stage = findByCode(config.stages, text);
      const chip = el('span', { className: 'chip' });
      chip.style.backgroundColor = Lilong.styles.stageColor(text);
      return el('span', {}, chip, stage ? i18n.label(stage) : text);
    }
    if (layerId === 'service-stations' && name === 'category') {
      const category = findByCode(config.categories, text, 'id');
      const chip = el('span', { className: 'chip chip-round' });
      chip.style.backgroundColor = Lilong.styles.categoryColor(text);
      return el('span', {}, chip, category ? i18n.label(category) : text);
    }
    if (layerId === 'streets' && name === 'class') {
      const key = 'streetClass.' + text;
      const label = i18n.t(key);
      return document.createTextNode(label === key ? text : label);
    }
    if (PHONE_ATTRIBUTES.has(name)) {
      return Lilong.dom.phoneNode(text);
    }
    return document.createTextNode(text);
  }

  /** The attributes to list: map-config's public ones in its order, then any others the feature has. */
  function rows(layerId, properties, config) {
    const defined = (config.attributes && config.attributes[layerId]) || [];
    const seen = new Set();
    const result = [];
    defined.forEach((attribute) => {
      seen.add(attribute.name);
      const value = properties[attribute.name];
      if (!NAME_ATTRIBUTES.has(attribute.name) && value !== undefined && value !== null && value !== '') {
        result.push({ label: i18n.label(attribute) || attribute.name, name: attribute.name, value });
      }
    });
    Object.keys(properties).forEach((name) => {
      const value = properties[name];
      if (!seen.has(name) && !NAME_ATTRIBUTES.has(name) && value !== undefined && value !== null && value !== '') {
        result.push({ label: name, name, value });
      }
    });
    return result;
  }

  /** The popup body for one feature; called again on every opening and language switch. */
  function build(layer, feature, config) {
    const properties = feature.properties || {};
    const title = i18n.featureName(properties);
    // The name in the other language, when it differs, helps visitors match signs on the street.
    const other = i18n.lang() === 'en' ? properties.name : properties.name_en;
    const subtitle = [i18n.label(layer)];
    if (other && String(other) !== title) {
      subtitle.push(String(other));
    }
    const table = el('table', { className: 'popup-attributes' },
      el('tbody', {}, rows(layer.id, properties, config).map((row) => el('tr', { dataset: { attribute: row.name } },
        el('th', { attrs: { scope: 'row' }, text: row.label }),
        el('td', {}, formatValue(layer.id, row.name, row.value, config))))));
    return el('div', { className: 'feature-popup', dataset: { layer: layer.id, featureId: feature.id } },
      el('h3', { className: 'popup-title', text: title }),
      el('p', { className: 'popup-subtitle', text: subtitle.join(' · ') }),
      table,
      layer.id === 'residential-areas' ? lifeCircleButton(feature) : null);
  }

  /** A residential area's life circle walks from all the streets along its edge (lifecircle.js). */
  function lifeCircleButton(feature) {
    return el('button', { className: 'popup-lifecircle', text: i18n.t('lcAreaButton'),
      attrs: { type: 'button', title: i18n.t('lcAreaButtonTitle') },
      on: { click: () => Lilong.lifeCircle.startAtArea(feature) } });
  }

  /** The hover tooltip of a station: just its name, as text. */
  function tooltip(feature) {
    return el('span', { className: 'feature-tooltip', text: i18n.featureName(feature.properties) });
  }

  Lilong.popups = { build, tooltip, formatValue };
})(window.Lilong);
