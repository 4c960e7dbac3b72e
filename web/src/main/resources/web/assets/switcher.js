/*
 * The layer switcher in the side panel: a basemap selector (when the server offers any basemap),
 * a checkbox per layer (thematic layers, then base layers, in map-config order) and a checkbox per
 * grid level. It only draws; what a click does is the caller's business (see map.js).
 * Rendering is from scratch each time (it is tiny); focus is kept on the control that had it.
 */
(function (Lilong) {
  'use strict';

  const { el, clear, classToken } = Lilong.dom;
  const i18n = Lilong.i18n;

  function basemapSelector(view) {
    const basemaps = view.config.basemaps || [];
    if (basemaps.length === 0) {
      return null;     // "none" is the only choice: nothing to select.
    }
    const select = el('select', { attrs: { id: 'basemap-select' },
      on: { change: (event) => view.onBasemap(event.target.value) } },
    el('option', { text: i18n.t('basemapNone'), attrs: { value: 'none' } }),
    basemaps.map((b) => el('option', { text: b.name || b.id, attrs: { value: b.id } })));
    select.value = view.basemapId;
    return el('div', { className: 'basemap-row' },
      el('label', { text: i18n.t('basemapLabel'), attrs: { for: 'basemap-select' } }), select);
  }

  function status(layer) {
    if (layer.error) {
      return el('span', { className: 'layer-status layer-error', text: i18n.t('layerFailed'),
        attrs: { title: layer.error.message } });
    }
    if (layer.loading) {
      return el('span', { className: 'layer-status', text: i18n.t('loading') });
    }
    if (layer.count !== null && layer.count !== undefined) {
      return el('span', { className: 'layer-status muted', text: i18n.t('featureCount', { n: i18n.formatNumber(layer.count) }) });
    }
    return null;
  }

  function layerRow(layer, view) {
    const id = 'layer-toggle-' + classToken(layer.cfg.id);
    const checkbox = el('input', { attrs: { type: 'checkbox', id: id, checked: layer.visible },
      on: { change: (event) => view.onToggleLayer(layer.cfg.id, event.target.checked) } });
    const row = el('div', { className: 'layer-row', dataset: { layer: layer.cfg.id } },
      checkbox,
      el('label', { attrs: { for: id } }, Lilong.styles.layerSwatch(layer.cfg.id),
        el('span', { className: 'layer-title', text: i18n.label(layer.cfg) })),
      status(layer));
    if (layer.cfg.id !== 'grids') {
      return row;
    }
    return el('div', { className: 'layer-with-options' }, row, gridLevels(layer, view));
  }

  function gridLevels(layer, view) {
    const levels = view.config.gridLevels || [];
    return el('fieldset', { className: 'grid-levels', attrs: { disabled: !layer.visible } },
      el('legend', { text: i18n.t('gridLevelsLabel') }),
      levels.map((level) => {
        const id = 'grid-level-' + classToken(level.code);
        const style = Lilong.styles.gridLevelStyle(level.code);
        const swatch = el('span', { className: 'swatch swatch-outline', attrs: { 'aria-hidden': 'true' } });
        swatch.style.borderColor = style.color;
        swatch.style.borderWidth = Math.max(1, Math.round(style.weight)) + 'px';
        return el('div', { className: 'level-row' },
          el('input', { attrs: { type: 'checkbox', id: id, value: level.code, checked: view.gridLevelsShown.has(level.code) },
            on: { change: (event) => view.onToggleLevel(level.code, event.target.checked) } }),
          el('label', { attrs: { for: id } }, swatch, el('span', { text: i18n.label(level) })));
      }));
  }

  function group(title, layers, view) {
    if (layers.length === 0) {
      return null;
    }
    return el('div', { className: 'layer-group' }, el('h3', { text: title }), layers.map((l) => layerRow(l, view)));
  }

  /**
   * view: {config, basemapId, layers: [{cfg, visible, loading, error, count}], gridLevelsShown: Set,
   *        onToggleLayer(id, visible), onToggleLevel(code, shown), onBasemap(id)}
   */
  function render(layerContainer, basemapContainer, view) {
    const focusedId = document.activeElement && document.activeElement.id;
    clear(basemapContainer);
    const selector = basemapSelector(view);
    if (selector) {
      basemapContainer.appendChild(selector);
    }
    clear(layerContainer);
    const thematic = group(i18n.t('thematicLayers'), view.layers.filter((l) => !l.cfg.base), view);
    const base = group(i18n.t('baseLayers'), view.layers.filter((l) => l.cfg.base), view);
    [thematic, base].forEach((node) => node && layerContainer.appendChild(node));
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again && again !== document.activeElement) {
        again.focus();
      }
    }
  }

  Lilong.switcher = { render };
})(window.Lilong);
