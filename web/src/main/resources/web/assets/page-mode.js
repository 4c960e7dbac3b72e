/*
 * A mode of the page (the life circle, coverage gaps): a map button that switches it on and off, a
 * body class `<name>-mode` and a panel shown while it is on. The module that owns the mode says what
 * entering and leaving do; the mode keeps `active` on the module's state object, where its panel reads it.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;
  const i18n = Lilong.i18n;

  /**
   * options: name (class and id prefix, e.g. 'coverage'), keys {label, title, leave} (i18n keys),
   * panel (element), state (object whose `active` the mode sets), enter(), leave(), changed(active)
   * (after either). Returns {isActive(), setActive(active), relabel(), setAvailable(available)}; relabel after a
   * language switch.
   */
  function create(map, options) {
    const state = options.state;
    state.active = false;
    let button = null;
    const Toggle = L.Control.extend({
      options: { position: 'topleft' },
      onAdd: () => {
        button = el('button', { className: options.name + '-toggle', attrs: { id: options.name + '-toggle', type: 'button' },
          on: { click: () => setActive(!state.active) } });
        const bar = el('div', { className: 'leaflet-bar leaflet-control ' + options.name + '-control' }, button);
        L.DomEvent.disableClickPropagation(bar);
        return bar;
      }
    });
    new Toggle().addTo(map);

    function relabel() {
      button.textContent = i18n.t(options.keys.label);
      button.title = i18n.t(state.active ? options.keys.leave : options.keys.title);
      button.setAttribute('aria-pressed', String(state.active));
      button.classList.toggle('active', state.active);
    }

    function setActive(active) {
      if (active === state.active) {
        return;
      }
      state.active = active;
      document.body.classList.toggle(options.name + '-mode', active);
      options.panel.hidden = !active;
      if (active) {
        options.enter();
      } else {
        options.leave();
      }
      relabel();
      options.changed(active);
    }

    /** A mode only some accounts may use (editing) is hidden, and left, when not available. */
    function setAvailable(available) {
      if (!available) {
        setActive(false);
      }
      button.parentElement.hidden = !available;
    }

    relabel();
    return { isActive: () => state.active, setActive, relabel, setAvailable };
  }

  Lilong.pageMode = { create };
})(window.Lilong);
