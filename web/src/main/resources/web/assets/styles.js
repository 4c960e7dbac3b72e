/*
 * How each layer is drawn, and the legend that explains it. One place for colours so that the
 * map, the layer switcher and the legend always agree.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;
  const i18n = Lilong.i18n;

  /** Coarser grid levels get darker, thicker outlines so the nesting reads at a glance. */
  const GRID_LEVELS = {
    subdistrict: { color: '#4a2377', weight: 4.5 },
    comprehensive: { color: '#b3261e', weight: 3.2 },
    residential: { color: '#1f5fae', weight: 2.2 },
    micro: { color: '#2e7d32', weight: 1.5 },
    'building-group': { color: '#d97706', weight: 1 }
  };
  const GRID_FALLBACK = { color: '#555555', weight: 1.5 };

  /** Renovation stages: warm while residents are being consulted and signed, cool once building starts. */
  const STAGES = {
    consultation: '#d7301f',
    signing: '#f28e2b',
    relocation: '#e9c46a',
    construction: '#4e9bd1',
    done: '#7e6bb3'
  };
  const STAGE_FALLBACK = '#9e9e9e';

  /** One colour per life-circle category id (life-circle-profile.tsv); parks green, schools blue. */
  const CATEGORIES = {
    health_centre: '#d62728',
    community_station: '#c2185b',
    elderly_daycare: '#8c564b',
    canteen: '#ff7f0e',
    market: '#a3a31a',
    kindergarten: '#e6b800',
    primary_school: '#1f77b4',
    middle_school: '#17becf',
    culture_centre: '#7b4fb5',
    culture_station: '#b39ddb',
    sports_centre: '#00897b',
    park_15: '#1b5e20',
    park_10: '#43a047',
    pocket_park: '#81c784',
    metro_station: '#37474f',
    bus_stop: '#90a4ae'
  };
  /** For category ids a deployment adds to its own profile: stable colour per id. */
  const CATEGORY_FALLBACKS = ['#6a3d9a', '#b15928', '#1b9e77', '#e7298a', '#66a61e', '#386cb0', '#f0027f', '#bf5b17'];

  const STREET_CLASSES = {
    main: { color: '#c2bbb0', weight: 5 },
    street: { color: '#cbc5bb', weight: 3 },
    lane: { color: '#d3cec5', weight: 1.6 },
    path: { color: '#d3cec5', weight: 1, dashArray: '3 3' }
  };
  const BRIDGE_COLOR = '#9d968c';

  const RESIDENTIAL_AREA = { color: '#cdb98f', weight: 1, fillColor: '#efe4c9', fillOpacity: 0.55 };
  /** Creeks and canals: the barrier that makes walking distance differ from straight lines. */
  const WATER = { color: '#7fb3d5', weight: 1, fillColor: '#aed3ee', fillOpacity: 0.9 };
  const POCKET_PARK = { color: '#2f7d32', weight: 1, fillColor: '#7cc47f', fillOpacity: 0.85 };
  const SUBDISTRICT = { color: '#3d3350', weight: 3, dashArray: '10 6', fill: false };

  function gridLevelStyle(level) {
    return GRID_LEVELS[level] || GRID_FALLBACK;
  }

  function stageColor(stage) {
    return STAGES[stage] || STAGE_FALLBACK;
  }

  function categoryColor(category) {
    if (Object.prototype.hasOwnProperty.call(CATEGORIES, category)) {
      return CATEGORIES[category];
    }
    let hash = 0;
    String(category || '').split('').forEach((c) => { hash = (hash * 31 + c.charCodeAt(0)) >>> 0; });
    return CATEGORY_FALLBACKS[hash % CATEGORY_FALLBACKS.length];
  }

  /** Leaflet path options for a feature of a line or polygon layer. */
  function pathStyle(layerId, feature) {
    const p = (feature && feature.properties) || {};
    switch (layerId) {
      case 'grids': {
        const s = gridLevelStyle(p.level);
        return { color: s.color, weight: s.weight, opacity: 0.9, fillColor: s.color, fillOpacity: 0.05 };
      }
      case 'renovation-plots': {
        const c = stageColor(p.stage);
        return { color: c, weight: 1.5, opacity: 1, fillColor: c, fillOpacity: 0.55 };
      }
      case 'pocket-parks':
        return Object.assign({ opacity: 1 }, POCKET_PARK);
      case 'streets': {
        const s = STREET_CLASSES[p.class] || STREET_CLASSES.street;
        return { color: p.bridge === true ? BRIDGE_COLOR : s.color, weight: s.weight, opacity: 1,
          dashArray: s.dashArray || null, lineCap: p.bridge === true ? 'butt' : 'round' };
      }
      case 'residential-areas':
        return Object.assign({ opacity: 1 }, RESIDENTIAL_AREA);
      case 'water':
        return Object.assign({ opacity: 1 }, WATER);
      case 'subdistricts':
        return Object.assign({ opacity: 0.85 }, SUBDISTRICT);
      case 'service-stations':
        // L.geoJSON applies its style function to point layers as well.
        return pointStyle(layerId, feature);
      default:
        return { color: '#3388ff', weight: 2, fillOpacity: 0.2 };
    }
  }

  /** Leaflet circle-marker options for a point feature (service stations). */
  function pointStyle(layerId, feature) {
    const p = (feature && feature.properties) || {};
    return { radius: 6.5, color: '#ffffff', weight: 1.5, opacity: 1,
      fillColor: categoryColor(p.category), fillOpacity: 0.95 };
  }

  // ---- legend -----------------------------------------------------------------------------

  function swatchFill(fill, stroke, opacity) {
    const s = el('span', { className: 'swatch swatch-fill', attrs: { 'aria-hidden': 'true' } });
    s.style.backgroundColor = fill;
    s.style.borderColor = stroke || fill;
    if (opacity !== undefined) {
      s.style.opacity = String(Math.min(1, opacity + 0.2));
    }
    return s;
  }

  function swatchOutline(color, weight, dashed) {
    const s = el('span', { className: 'swatch swatch-outline' + (dashed ? ' dashed' : ''), attrs: { 'aria-hidden': 'true' } });
    s.style.borderColor = color;
    s.style.borderWidth = Math.max(1, Math.round(weight)) + 'px';
    return s;
  }

  function swatchLine(color, weight, dashed) {
    const s = el('span', { className: 'swatch swatch-line' + (dashed ? ' dashed' : ''), attrs: { 'aria-hidden': 'true' } });
    s.style.borderTopColor = color;
    s.style.borderTopWidth = Math.max(1, Math.round(weight)) + 'px';
    return s;
  }

  function swatchDot(color) {
    const s = el('span', { className: 'swatch swatch-dot', attrs: { 'aria-hidden': 'true' } });
    s.style.backgroundColor = color;
    return s;
  }

  /** A small symbol standing for the whole layer, for the layer switcher. */
  function layerSwatch(layerId) {
    switch (layerId) {
      case 'grids': return swatchOutline(GRID_LEVELS.residential.color, 2);
      case 'renovation-plots': return swatchFill(STAGES.signing, STAGES.signing, 0.55);
      case 'pocket-parks': return swatchFill(POCKET_PARK.fillColor, POCKET_PARK.color);
      case 'service-stations': return swatchDot(CATEGORIES.community_station);
      case 'streets': return swatchLine(STREET_CLASSES.main.color, 4);
      case 'residential-areas': return swatchFill(RESIDENTIAL_AREA.fillColor, RESIDENTIAL_AREA.color);
      case 'water': return swatchFill(WATER.fillColor, WATER.color);
      case 'subdistricts': return swatchOutline(SUBDISTRICT.color, 2, true);
      default: return swatchFill('#3388ff');
    }
  }

  function entry(swatch, text, extraClass) {
    return el('li', { className: 'legend-entry' + (extraClass ? ' ' + extraClass : '') }, swatch,
      el('span', { className: 'legend-label', text: text }));
  }

  function legendEntries(layer, ctx) {
    const config = ctx.config;
    switch (layer.id) {
      case 'grids':
        return (config.gridLevels || []).filter((l) => ctx.gridLevelsShown.has(l.code)).map((l) => {
          const s = gridLevelStyle(l.code);
          return entry(swatchOutline(s.color, s.weight), i18n.label(l), 'grid-level-' + Lilong.dom.classToken(l.code));
        });
      case 'renovation-plots':
        return (config.stages || []).map((s) => entry(swatchFill(stageColor(s.code), stageColor(s.code), 0.55), i18n.label(s)));
      case 'pocket-parks':
        return [entry(swatchFill(POCKET_PARK.fillColor, POCKET_PARK.color), i18n.t('pocketPark'))];
      case 'service-stations': {
        // Only the categories actually on the map: the full profile has 16, most absent in a district.
        const present = ctx.stationCategories;
        const known = (config.categories || []).filter((c) => !present || present.has(c.id));
        const knownIds = new Set(known.map((c) => c.id));
        const unknown = present ? Array.from(present).filter((id) => !knownIds.has(id)) : [];
        return known.map((c) => entry(swatchDot(categoryColor(c.id)), i18n.label(c)))
          .concat(unknown.map((id) => entry(swatchDot(categoryColor(id)), id || i18n.t('otherCategory'))));
      }
      case 'streets':
        return ['main', 'street', 'lane', 'path'].map((c) => {
          const s = STREET_CLASSES[c];
          return entry(swatchLine(s.color, s.weight, !!s.dashArray), i18n.t('streetClass.' + c));
        }).concat([entry(swatchLine(BRIDGE_COLOR, 3), i18n.t('bridge'))]);
      case 'residential-areas':
        return [entry(swatchFill(RESIDENTIAL_AREA.fillColor, RESIDENTIAL_AREA.color), i18n.t('residentialAreas'))];
      case 'water':
        return [entry(swatchFill(WATER.fillColor, WATER.color), i18n.t('water'))];
      case 'subdistricts':
        return [entry(swatchOutline(SUBDISTRICT.color, 2, true), i18n.t('subdistrictBoundary'))];
      default:
        return [];
    }
  }

  /**
   * Fills container with one block per visible layer.
   * ctx: {config, layers: visible layer configs in map-config order, gridLevelsShown: Set,
   *       stationCategories: Set of category ids present, or null when not known yet}
   */
  function renderLegend(container, ctx) {
    Lilong.dom.clear(container);
    if (ctx.layers.length === 0) {
      container.appendChild(el('p', { className: 'muted', text: i18n.t('legendEmpty') }));
      return;
    }
    ctx.layers.forEach((layer) => {
      const items = legendEntries(layer, ctx);
      container.appendChild(el('div', { className: 'legend-block', dataset: { layer: layer.id } },
        el('h3', { text: i18n.label(layer) }),
        items.length ? el('ul', { className: 'legend-list' }, items) : null));
    });
  }

  Lilong.styles = { pathStyle, pointStyle, gridLevelStyle, stageColor, categoryColor, layerSwatch, renderLegend };
})(window.Lilong);
