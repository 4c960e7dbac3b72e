/*
 * The editing mode's side panel and its conflict dialog, drawn afresh from the editor's state
 * (editor.js) on every change. DOM only through dom.js: names, codes and messages from the server
 * are text nodes or input values, never HTML.
 */
(function (Lilong) {
  'use strict';

  const { el, clear } = Lilong.dom;
  const i18n = Lilong.i18n;
  const forms = Lilong.editorForms;

  function button(id, key, onClick, options) {
    const opts = options || {};
    return el('button', { className: opts.className || 'editor-button', text: i18n.t(key),
      attrs: { id, type: opts.submit ? 'submit' : 'button', disabled: opts.disabled }, on: onClick ? { click: onClick } : undefined });
  }

  function layerLabel(view, layerId) {
    const layer = (view.config.layers || []).find((l) => l.id === layerId);
    return layer ? i18n.label(layer) : layerId;
  }

  function subdistrictName(subdistrict) {
    if (!subdistrict) {
      return i18n.t('edNoSubdistrict');
    }
    const p = subdistrict.properties || {};
    return i18n.featureName(p) + (p.code ? '（' + p.code + '）' : '');
  }

  /** A number per feature or draft object: a form shows it until the object is replaced (saved, reloaded). */
  const serials = new WeakMap();
  let nextSerial = 1;

  function serial(object) {
    if (!object) {
      return 0;
    }
    if (!serials.has(object)) {
      serials.set(object, nextSerial++);
    }
    return serials.get(object);
  }

  /** What the user typed in the panel's form, so that a redraw (the grids in view reloaded) keeps it. */
  function typed(panel) {
    const form = panel.querySelector('form[data-key]');
    if (!form) {
      return null;
    }
    const values = {};
    Array.from(form.elements).filter((e) => e.name && ('value' in e)).forEach((e) => { values[e.name] = e.value; });
    return { key: form.dataset.key, values, focused: document.activeElement && form.contains(document.activeElement) ? document.activeElement.id : null };
  }

  function restore(panel, kept) {
    const form = kept && panel.querySelector('form[data-key]');
    if (!form || form.dataset.key !== kept.key) {
      return;
    }
    Array.from(form.elements).filter((e) => e.name && kept.values[e.name] !== undefined).forEach((e) => { e.value = kept.values[e.name]; });
    if (kept.focused && document.getElementById(kept.focused)) {
      document.getElementById(kept.focused).focus();
    }
  }

  /** view: {config, levelGrids, parentCodes, account, and the editor's actions}. */
  function render(panel, state, view) {
    const kept = typed(panel);
    draw(panel, state, view);
    restore(panel, kept);
  }

  function draw(panel, state, view) {
    clear(panel);
    // For tests and styles: what the editor is doing now.
    panel.dataset.status = state.busy ? 'busy' : state.status;
    panel.dataset.action = state.action || '';
    renderConflict(state, view);
    if (!state.active) {
      return;
    }
    panel.appendChild(el('div', { className: 'editor-header' },
      el('h2', { text: i18n.t('edHeading') }),
      el('button', { className: 'where-close editor-close', text: '×', attrs: { type: 'button', 'aria-label': i18n.t('edLeaveLabel'), title: i18n.t('edLeaveLabel') },
        on: { click: view.leave } })));
    if (view.account) {
      panel.appendChild(el('p', { className: 'editor-account hint',
        text: i18n.t('edAccount', { username: view.account.username, scopes: view.account.role === 'admin' ? i18n.t('edAllScopes')
          : (view.scopeNames.join('、') || '—') }) }));
    }
    if (state.status === 'loading') {
      panel.appendChild(el('p', { className: 'hint', text: i18n.t('loading') }));
    } else if (state.status === 'error') {
      panel.appendChild(el('p', { className: 'editor-error', attrs: { role: 'alert' }, text: i18n.t('edLoadFailed') + state.error.message }));
    }
    panel.appendChild(levelChooser(state, view));
    panel.appendChild(el('div', { className: 'editor-tools' },
      button('editor-draw', 'edDraw', view.startDraw, { disabled: state.busy || state.action !== null })));
    panel.appendChild(messages(state));
    panel.appendChild(actionSection(state, view) || selectedSection(state, view) || el('p', { className: 'hint', text: i18n.t('edHint') }));
    panel.appendChild(gridList(state, view));
  }

  function levelChooser(state, view) {
    return el('label', { className: 'editor-level' }, el('span', { text: i18n.t('edLevel') }),
      el('select', { attrs: { id: 'editor-level', disabled: state.action !== null }, on: { change: (e) => view.setLevel(e.target.value) } },
        (view.config.gridLevels || []).map((level) => el('option', { text: i18n.label(level),
          attrs: { value: level.code, selected: level.code === state.level } }))));
  }

  function messages(state) {
    const box = el('div', { className: 'editor-messages', attrs: { id: 'editor-messages', 'aria-live': 'polite' } });
    if (state.busy) {
      box.appendChild(el('p', { className: 'hint', text: i18n.t('edBusy') }));
    }
    if (state.message) {
      box.appendChild(el('p', { className: 'editor-message editor-message-' + state.message.kind,
        attrs: { id: 'editor-message', role: state.message.kind === 'error' ? 'alert' : 'status' }, text: state.message.text }));
    }
    const list = (items, id, kind) => items.length === 0 ? null : el('ul', { className: 'editor-problems editor-problems-' + kind, attrs: { id } },
      items.map((p) => el('li', { dataset: { rule: p.rule || '' } },
        el('span', { text: String(p.message || p.rule || '') }),
        p.areaSquareMetres ? el('span', { className: 'editor-area', text: ' (' + i18n.t('edArea', { m2: i18n.formatNumber(p.areaSquareMetres, 1) }) + ')' }) : null)));
    box.appendChild(list(state.violations, 'editor-violations', 'violation') || document.createTextNode(''));
    if (state.warnings.length) {
      box.appendChild(el('p', { className: 'editor-warning-heading', text: i18n.t('edWarnings') }));
      box.appendChild(list(state.warnings, 'editor-warnings', 'warning'));
    }
    return box;
  }

  function commentField() {
    return el('div', { className: 'editor-field' },
      el('label', { attrs: { for: 'editor-comment' }, text: i18n.t('edComment') }),
      el('input', { attrs: { id: 'editor-comment', name: 'comment', maxlength: '200' } }));
  }

  function formActions(saveId, saveKey, view, state) {
    return el('div', { className: 'editor-actions' },
      button(saveId, saveKey, null, { submit: true, disabled: state.busy, className: 'editor-button editor-primary' }),
      button('editor-cancel', 'cancel', view.cancelAction));
  }

  /** The step of an action in progress: drawing, the new grid's form, reshaping, splitting, merging. */
  function actionSection(state, view) {
    const submit = (handler) => (event) => {
      event.preventDefault();
      handler(event.target);
    };
    switch (state.action) {
      case 'draw':
        return el('div', { className: 'editor-step' }, el('p', { className: 'hint', text: i18n.t('edDrawHint') }),
          el('div', { className: 'editor-actions' }, button('editor-finish', 'edFinish', view.finishDrawing), button('editor-cancel', 'cancel', view.cancelAction)));
      case 'new':
        return el('form', { className: 'editor-form', attrs: { id: 'editor-new-form' }, dataset: { key: 'new-' + serial(state.draft) },
          on: { submit: submit(view.saveNew) } },
          el('h3', { text: i18n.t('edNewGrid') }),
          forms.fields(view.config, 'grids', state.draft.properties, { parentCodes: view.parentCodes }),
          commentField(), formActions('editor-save', 'edSave', view, state),
          el('p', { className: 'hint', text: i18n.t('edFitHint') }),
          button('editor-fit', 'edFit', (event) => view.fitNew(event.target.form), { disabled: state.busy }));
      case 'vertices':
        return el('div', { className: 'editor-step' }, el('p', { className: 'hint', text: i18n.t('edVerticesHint') }),
          el('div', { className: 'editor-actions' },
            button('editor-save-shape', 'edSaveShape', view.saveVertices, { className: 'editor-button editor-primary', disabled: state.busy }),
            button('editor-cancel', 'cancel', view.cancelAction)));
      case 'split':
        return el('div', { className: 'editor-step' }, el('p', { className: 'hint', text: i18n.t('edSplitHint') }),
          el('div', { className: 'editor-actions' }, button('editor-finish', 'edFinish', view.finishDrawing), button('editor-cancel', 'cancel', view.cancelAction)));
      case 'split-form':
        return el('form', { className: 'editor-form', attrs: { id: 'editor-split-form' }, dataset: { key: 'split-' + serial(state.draft) },
          on: { submit: submit(view.saveSplit) } },
          el('p', { className: 'hint', text: i18n.t('edSplitFormHint') }),
          el('div', { className: 'editor-field' }, el('label', { attrs: { for: 'editor-split-code' }, text: forms.label(view.config, 'grids', 'code') }),
            el('input', { attrs: { id: 'editor-split-code', name: 'code', required: true } })),
          el('div', { className: 'editor-field' }, el('label', { attrs: { for: 'editor-split-name' }, text: forms.label(view.config, 'grids', 'name') }),
            el('input', { attrs: { id: 'editor-split-name', name: 'name', required: true } })),
          formActions('editor-save', 'edSplit', view, state));
      case 'merge':
        return el('div', { className: 'editor-step' },
          el('p', { className: 'hint', text: state.mergeWith
            ? i18n.t('edMergeConfirm', { other: i18n.featureName(state.mergeWith.properties), into: i18n.featureName(state.selected.feature.properties) })
            : i18n.t('edMergeHint') }),
          el('div', { className: 'editor-actions' },
            state.mergeWith ? button('editor-merge-confirm', 'edMerge', view.saveMerge, { className: 'editor-button editor-primary', disabled: state.busy }) : null,
            button('editor-cancel', 'cancel', view.cancelAction)));
      default:
        return null;
    }
  }

  /** The selected feature: its attribute form (disabled when locked) and, for an editable grid, its tools. */
  function selectedSection(state, view) {
    const selected = state.selected;
    if (!selected) {
      return null;
    }
    const properties = selected.feature.properties || {};
    const section = el('form', { className: 'editor-form', attrs: { id: 'editor-form' },
      dataset: { layer: selected.layerId, featureId: selected.id, editable: selected.editable, key: 'feature-' + serial(selected.feature) },
      on: { submit: (event) => { event.preventDefault(); view.saveAttributes(event.target); } } },
    el('div', { className: 'editor-header' },
      el('h3', { className: 'editor-selected-name', text: i18n.featureName(properties) }),
      el('button', { className: 'where-close editor-close', text: '×', attrs: { type: 'button', 'aria-label': i18n.t('close') }, on: { click: view.deselect } })),
    el('p', { className: 'hint', text: layerLabel(view, selected.layerId) + (properties.code ? ' · ' + properties.code : '') }));
    if (!selected.editable) {
      section.appendChild(el('p', { className: 'editor-locked', attrs: { id: 'editor-locked' },
        text: i18n.t('edLocked', { subdistrict: subdistrictName(selected.subdistrict) }) }));
    } else if (selected.layerId === 'grids') {
      section.appendChild(el('div', { className: 'editor-tools' },
        button('editor-vertices', 'edVertices', view.startVertices, { disabled: state.busy }),
        button('editor-split', 'edSplit', view.startSplit, { disabled: state.busy }),
        button('editor-merge', 'edMerge', view.startMerge, { disabled: state.busy }),
        button('editor-delete', 'edDelete', view.deleteSelected, { disabled: state.busy, className: 'editor-button editor-danger' })));
    }
    section.appendChild(el('div', { className: 'editor-fields' },
      forms.fields(view.config, selected.layerId, properties, { disabled: !selected.editable,
        parentCodes: selected.layerId === 'grids' ? view.parentCodes : null })));
    if (selected.editable) {
      section.appendChild(commentField());
      section.appendChild(el('div', { className: 'editor-actions' },
        button('editor-save', 'edSave', null, { submit: true, disabled: state.busy, className: 'editor-button editor-primary' })));
    }
    return section;
  }

  function gridList(state, view) {
    const grids = view.levelGrids.slice().sort((a, b) => String(a.feature.properties.code || '').localeCompare(String(b.feature.properties.code || '')));
    return el('section', { className: 'editor-list' },
      el('h3', { text: i18n.t('edGridsInView', { n: grids.length }) }),
      grids.length === 0 ? el('p', { className: 'hint', text: i18n.t('edNoGrids') }) : el('ul', { attrs: { id: 'editor-grid-list' } },
        grids.map((g) => el('li', { className: g.editable ? 'editor-item' : 'editor-item editor-item-locked', dataset: { featureId: g.feature.id } },
          el('button', { className: 'editor-item-button', attrs: { type: 'button', disabled: state.action !== null },
            on: { click: () => view.select(g.feature.id) } },
          el('span', { className: 'editor-item-name', text: i18n.featureName(g.feature.properties) }),
          el('span', { className: 'editor-item-code', text: String(g.feature.properties.code || '') }),
          g.editable ? null : el('span', { className: 'editor-item-lock', text: i18n.t('edLockedShort') }))))));
  }

  // ---- the conflict dialog ------------------------------------------------------------------

  function renderConflict(state, view) {
    let dialog = document.getElementById('editor-conflict');
    if (!state.conflict) {
      if (dialog) {
        dialog.remove();
      }
      return;
    }
    if (dialog) {
      dialog.remove();
    }
    const { mine, theirs } = state.conflict;
    const mineProps = (mine && mine.properties) || {};
    const theirProps = (theirs && theirs.properties) || {};
    const names = Array.from(new Set(Object.keys(theirProps).concat(Object.keys(mineProps))));
    const shown = (value) => (value === undefined || value === null ? '—' : (typeof value === 'object' ? JSON.stringify(value) : String(value)));
    const geometryChanged = mine && JSON.stringify(mine.geometry) !== JSON.stringify(theirs.geometry);
    const layerId = state.selected ? state.selected.layerId : 'grids';
    dialog = el('div', { className: 'editor-dialog-backdrop', attrs: { id: 'editor-conflict' } },
      el('div', { className: 'editor-dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'editor-conflict-title' } },
        el('h2', { attrs: { id: 'editor-conflict-title' }, text: i18n.t('edConflictTitle') }),
        el('p', { text: mine ? i18n.t('edConflictText') : i18n.t('edConflictDeleteText') }),
        el('table', { className: 'editor-conflict-table' },
          el('thead', {}, el('tr', {}, el('th', { text: '' }), el('th', { text: i18n.t('edMine') }), el('th', { text: i18n.t('edTheirs') }))),
          el('tbody', {}, names.map((name) => el('tr', {
            className: mine && String(mineProps[name]) !== String(theirProps[name]) ? 'editor-conflict-differs' : '',
            dataset: { attribute: name } },
          el('th', { attrs: { scope: 'row' }, text: forms.label(view.config, layerId, name) }),
          el('td', { className: 'editor-mine', text: shown(mine ? mineProps[name] : undefined) }),
          el('td', { className: 'editor-theirs', text: shown(theirProps[name]) }))))),
        geometryChanged ? el('p', { className: 'hint', text: i18n.t('edConflictGeometry') }) : null,
        el('div', { className: 'editor-actions' },
          button('editor-reload-theirs', 'edReloadTheirs', state.conflict.reload, { className: 'editor-button editor-primary' }),
          button('editor-overwrite', 'edOverwrite', state.conflict.overwrite, { className: 'editor-button editor-danger' }),
          button('editor-conflict-close', 'cancel', view.closeConflict))));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        view.closeConflict();
      }
    });
    document.body.appendChild(dialog);
    // The choice is the user's next step: the keyboard starts on the safe one.
    document.getElementById('editor-reload-theirs').focus();
  }

  Lilong.editorPanel = { render };
})(window.Lilong);
