/*
 * A map button that switches a mode of the page (the life circle, coverage gaps) on and off. The
 * modes own their state; the button only shows it, in the current language.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;
  const i18n = Lilong.i18n;

  /**
   * Adds the button at the map's top left. options: name (class and id prefix, e.g. 'coverage'),
   * keys {label, title, leave} (i18n keys), isActive(), onClick(). Returns {relabel()}, to call after
   * the mode changes or the language does.
   */
  function add(map, options) {
    let button = null;
    const Toggle = L.Control.extend({
      options: { position: 'topleft' },
      onAdd: () => {
        button = el('button', { className: options.name + '-toggle', attrs: { id: options.name + '-toggle', type: 'button' },
          on: { click: options.onClick } });
        const bar = el('div', { className: 'leaflet-bar leaflet-control ' + options.name + '-control' }, button);
        L.DomEvent.disableClickPropagation(bar);
        return bar;
      }
    });
    new Toggle().addTo(map);

    function relabel() {
      const active = options.isActive();
      button.textContent = i18n.t(options.keys.label);
      button.title = i18n.t(active ? options.keys.leave : options.keys.title);
      button.setAttribute('aria-pressed', String(active));
      button.classList.toggle('active', active);
    }
    relabel();
    return { relabel };
  }

  Lilong.modeToggle = { add };
})(window.Lilong);
