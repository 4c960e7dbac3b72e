/*
 * "Where am I?": a click on the map (anywhere but a station marker, which has its own popup; map.js
 * sends the clicks here unless the life circle has them) asks
 * the server which grids, residential area and sub-district contain the point, marks the point
 * and the smallest grid on the map, and lists the grid chain with its leaders in #where-panel.
 */
(function (Lilong) {
  'use strict';

  const { el, clear } = Lilong.dom;
  const i18n = Lilong.i18n;

  const GRID_HIGHLIGHT = { color: '#ff3d00', weight: 3, opacity: 1, fillColor: '#ff3d00', fillOpacity: 0.08,
    dashArray: '8 5' };

  let map = null;
  let panel = null;
  let config = null;
  let findGridFeature = () => null;
  let findResidentialArea = () => null;
  let onShow = () => {};
  let toData = (latlng) => latlng;
  let coordsToLatLng = (coords) => L.latLng(coords[1], coords[0]);
  let marker = null;
  let gridHighlight = null;
  /** Only the answer to the latest click counts; earlier ones may arrive late. */
  let sequence = 0;
  let state = { status: 'idle' };

  /**
   * options: {map, panel, config, findGridFeature(id) → (promise of) a GeoJSON feature or null,
   *           findResidentialArea(id) → (promise of) a GeoJSON feature or null,
   *           onShow() called when a result is shown (the page opens the panel on phones),
   *           toData(latlng) → WGS84 latlng of a clicked point, coordsToLatLng([lon, lat]) → map latlng
   *           (these differ only over a GCJ-02 basemap, see coords.js)}
   */
  function init(options) {
    map = options.map;
    panel = options.panel;
    config = options.config;
    findGridFeature = options.findGridFeature || findGridFeature;
    findResidentialArea = options.findResidentialArea || findResidentialArea;
    onShow = options.onShow || onShow;
    toData = options.toData || toData;
    coordsToLatLng = options.coordsToLatLng || coordsToLatLng;
    render();
  }

  async function lookup(latlng) {
    const mine = ++sequence;
    const point = toData(latlng);
    state = { status: 'loading', point };
    markPoint(latlng);
    removeGridHighlight();
    render();
    onShow();
    try {
      const result = await Lilong.api.where(point.lng, point.lat);
      if (mine !== sequence) {
        return;
      }
      state = { status: 'done', point, result };
      highlightSmallestGrid(result, mine);
    } catch (error) {
      if (mine !== sequence) {
        return;
      }
      state = { status: 'error', point, error };
    }
    render();
  }

  function clearSelection() {
    sequence++;
    state = { status: 'idle' };
    if (marker) {
      marker.remove();
      marker = null;
    }
    removeGridHighlight();
    render();
  }

  function markPoint(latlng) {
    if (!marker) {
      marker = L.marker(latlng, {
        icon: L.divIcon({ className: 'where-marker', iconSize: [22, 22] }),
        interactive: false, keyboard: false, pane: 'lilong-highlight'
      }).addTo(map);
    } else {
      marker.setLatLng(latlng);
    }
  }

  function removeGridHighlight() {
    if (gridHighlight) {
      gridHighlight.remove();
      gridHighlight = null;
    }
  }

  /**
   * Outlines the deepest grid of the chain, even when its level is hidden on the map; the grid may
   * have to be fetched (a tiled layer), so only the latest lookup's grid is drawn.
   */
  async function highlightSmallestGrid(result, mine) {
    const grids = result.grids || [];
    if (grids.length === 0) {
      return;
    }
    const feature = await Promise.resolve(findGridFeature(grids[grids.length - 1].id)).catch(() => null);
    if (mine !== sequence) {
      return;
    }
    removeGridHighlight();
    if (feature && feature.geometry) {
      gridHighlight = L.geoJSON(feature.geometry, {
        pane: 'lilong-highlight', interactive: false, className: 'where-grid-highlight', coordsToLatLng: coordsToLatLng,
        style: () => GRID_HIGHLIGHT
      }).addTo(map);
    }
  }

  /** Promise of the area's outline, for the life circle to draw; null when it cannot be had. */
  function residentialAreaGeometry(id) {
    return Promise.resolve(findResidentialArea(id)).then((feature) => (feature ? feature.geometry : null), () => null);
  }

  // ---- the panel ----------------------------------------------------------------------------

  function levelLabel(grid) {
    const fromConfig = (config.gridLevels || []).find((l) => l.code === grid.level);
    return i18n.pick(grid.levelZh, grid.levelEn) || (fromConfig ? i18n.label(fromConfig) : grid.level) || '';
  }

  function placeName(place) {
    return i18n.featureName({ name: place.name, name_en: place.nameEn });
  }

  function gridItem(grid, depth) {
    const badge = el('span', { className: 'level-badge', text: levelLabel(grid) });
    const color = Lilong.styles.gridLevelStyle(grid.level).color;
    badge.style.backgroundColor = color;
    const item = el('li', { className: 'grid-chain-item', dataset: { level: grid.level || '', gridId: grid.id } },
      el('div', { className: 'grid-chain-head' }, badge, el('span', { className: 'grid-name', text: placeName(grid) })),
      grid.leaderName || grid.leaderPhone ? el('div', { className: 'grid-leader' },
        el('span', { className: 'grid-leader-label', text: i18n.t('leader') + ' ' }),
        grid.leaderName ? el('span', { className: 'grid-leader-name', text: grid.leaderName }) : null,
        grid.leaderPhone ? ' ' : null,
        grid.leaderPhone ? Lilong.dom.phoneNode(grid.leaderPhone, 'grid-leader-phone') : null) : null);
    item.style.borderLeftColor = color;
    item.style.marginLeft = (depth * 10) + 'px';
    return item;
  }

  function resultBody(result) {
    const parts = [];
    if (!result.inside) {
      parts.push(el('p', { className: 'where-outside', text: i18n.t('whereOutside') }));
      return parts;
    }
    const grids = result.grids || [];
    parts.push(el('h3', { text: i18n.t('whereGrids') }));
    parts.push(grids.length
      ? el('ol', { className: 'grid-chain' }, grids.map((grid, depth) => gridItem(grid, depth)))
      : el('p', { className: 'muted', text: i18n.t('whereNoGrid') }));
    if (result.residentialArea) {
      const area = result.residentialArea;
      parts.push(el('h3', { text: i18n.t('whereResidentialArea') }));
      parts.push(el('p', { className: 'where-residential-area', dataset: { id: area.id } },
        el('span', { className: 'place-name', text: placeName(area) }),
        typeof area.residents === 'number'
          ? el('span', { className: 'muted', text: ' · ' + i18n.t('residents') + ' ' + i18n.formatNumber(area.residents) })
          : null,
        ' ',
        el('button', { className: 'where-lifecircle', text: i18n.t('lcAreaButton'),
          attrs: { type: 'button', title: i18n.t('lcAreaButtonTitle') },
          on: { click: () => residentialAreaGeometry(area.id)
            .then((geometry) => Lilong.lifeCircle.startAtArea({ id: area.id, geometry })) } })));
    }
    if (result.subdistrict) {
      const sub = result.subdistrict;
      parts.push(el('h3', { text: i18n.t('whereSubdistrict') }));
      parts.push(el('p', { className: 'where-subdistrict', dataset: { id: sub.id } },
        el('span', { className: 'place-name', text: placeName(sub) }),
        sub.code ? el('span', { className: 'muted', text: ' · ' + i18n.t('code') + ' ' + sub.code }) : null));
    }
    return parts;
  }

  function render() {
    if (!panel) {
      return;
    }
    clear(panel);
    panel.dataset.state = state.status;
    const header = el('div', { className: 'where-header' }, el('h2', { text: i18n.t('whereHeading') }),
      state.status === 'idle' ? null : el('button', {
        className: 'where-close', text: '×', attrs: { type: 'button', title: i18n.t('close'), 'aria-label': i18n.t('close') },
        on: { click: clearSelection }
      }));
    panel.appendChild(header);
    if (state.status === 'idle') {
      panel.appendChild(el('p', { className: 'muted where-hint', text: i18n.t('whereHint') }));
      return;
    }
    panel.appendChild(el('p', { className: 'where-coordinates muted',
      text: i18n.t('whereCoordinates', { lon: state.point.lng.toFixed(5), lat: state.point.lat.toFixed(5) }) }));
    if (state.status === 'loading') {
      panel.appendChild(el('p', { className: 'where-loading', text: i18n.t('whereLoading') }));
    } else if (state.status === 'error') {
      panel.appendChild(el('p', { className: 'where-error', text: i18n.t('whereFailed') + state.error.message }));
    } else {
      resultBody(state.result).forEach((node) => panel.appendChild(node));
    }
  }

  Lilong.where = { init, lookup, clearSelection, render };
})(window.Lilong);
