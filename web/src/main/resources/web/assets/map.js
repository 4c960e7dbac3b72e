/*
 * The map page: reads /map-config, sets up the Leaflet map, loads and draws the layers, keeps the
 * layer switcher, legend, attribution and language in step, and tells a browser test when the
 * first picture is complete (window.lilongReady).
 */
(function (Lilong) {
  'use strict';

  const i18n = Lilong.i18n;
  const { el } = Lilong.dom;

  const FALLBACK_CENTER = [31.23, 121.49];
  const FALLBACK_ZOOM = 15;
  const MAX_ZOOM = 19;
  const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
  /** On at first: what a resident needs to find their grid and the nearest station. */
  const DEFAULT_LAYERS = new Set(['subdistricts', 'water', 'streets', 'grids', 'service-stations']);
  /** The residential-area grid is the one residents know; finer levels clutter the first view. */
  const DEFAULT_GRID_LEVELS = ['residential'];

  /**
   * Each layer draws in its own pane so that the stacking is fixed whatever order they are
   * switched on in: background areas and streets lowest, grids under the small thematic polygons
   * (so these stay clickable), the sub-district outline over them, stations on top.
   */
  const PANES = [
    ['lilong-areas', 240, ['residential-areas', 'water']],
    // The life circle's shades lie under the streets, so that the streets they follow stay crisp.
    ['lilong-isochrones', 245, []],
    ['lilong-streets', 250, ['streets']],
    ['lilong-grids', 380, ['grids']],
    // Coverage: the choropleth just over the grids it colours, the uncovered homes over it.
    ['lilong-coverage', 385, []],
    ['lilong-gaps', 390, []],
    ['lilong-thematic', 400, ['renovation-plots', 'pocket-parks']],
    ['lilong-boundaries', 420, ['subdistricts']],
    ['lilong-highlight', 440, []],
    ['lilong-stations', 450, ['service-stations']],
    ['lilong-reachable', 455, []]
  ];

  const app = {
    config: null,
    map: null,
    /** layer id → {cfg, visible, loading, error, features, count, group, levelGroups} */
    layers: new Map(),
    gridLevelsShown: new Set(DEFAULT_GRID_LEVELS),
    basemapId: 'none',
    tileLayer: null,
    /** The large layers drawn from vector tiles (vector-tiles.js); null when the server offers none. */
    tiles: null,
    display: Lilong.coords.displayTransform('wgs84'),
    attributions: new Set(),
    openPopup: null,
    /** Only the latest click on a tiled feature opens its popup; earlier answers may arrive late. */
    tiledClicks: 0,
    fittedToExtent: false
  };
  Lilong.app = app;   // for debugging in the console and for tests; not an API.

  // ---- start --------------------------------------------------------------------------------

  async function start() {
    applyStaticTexts();
    document.getElementById('lang-toggle').addEventListener('click', () => i18n.toggle());
    setUpPanelToggle();
    // The session (a cookie may still be live) is asked for alongside the configuration.
    const sessionKnown = Lilong.login.init(document.getElementById('account'));
    try {
      app.config = await Lilong.api.loadConfig();
    } catch (error) {
      showAppError(i18n.t('configFailed') + error.message);
      return;
    }
    app.config.layers = app.config.layers || [];
    const tiled = tiledLayerIds();
    app.config.layers.forEach((cfg) => app.layers.set(cfg.id, {
      cfg, visible: DEFAULT_LAYERS.has(cfg.id), tiled: tiled.has(cfg.id), loading: false, error: null, features: null,
      count: null, group: null, levelGroups: null, promise: null
    }));
    const basemapId = initialBasemap();
    const basemap = basemaps().find((b) => b.id === basemapId);
    // Known before the first fit, so that the extent is fitted in the basemap's frame.
    app.display = Lilong.coords.displayTransform(basemap ? basemap.crs : 'wgs84');
    createMap();
    setBasemap(basemapId);
    renderHeader();
    Lilong.where.init({
      map: app.map,
      panel: document.getElementById('where-panel'),
      config: app.config,
      findGridFeature: findGridFeature,
      findResidentialArea: (id) => findFeature('residential-areas', id),
      toData: (latlng) => app.display.toData(latlng),
      coordsToLatLng: (coords) => app.display.coordsToLatLng(coords),
      onShow: () => setPanelOpen(true)
    });
    Lilong.lifeCircle.init({
      map: app.map,
      panel: document.getElementById('lifecircle-panel'),
      toData: (latlng) => app.display.toData(latlng),
      coordsToLatLng: (coords) => app.display.coordsToLatLng(coords),
      onShow: () => setPanelOpen(true),
      onModeChange: lifeCircleModeChanged
    });
    Lilong.coverage.init({
      map: app.map,
      panel: document.getElementById('coverage-panel'),
      config: app.config,
      toData: (latlng) => app.display.toData(latlng),
      coordsToLatLng: (coords) => app.display.coordsToLatLng(coords),
      gridFeatures: gridFeaturesOfLevel,
      onShow: () => setPanelOpen(true),
      onModeChange: coverageModeChanged
    });
    await sessionKnown;
    Lilong.editor.init({
      map: app.map,
      panel: document.getElementById('editor-panel'),
      config: app.config,
      toData: (latlng) => app.display.toData(latlng),
      coordsToLatLng: (coords) => app.display.coordsToLatLng(coords),
      onShow: () => setPanelOpen(true),
      onModeChange: editorModeChanged,
      onChanged: layerChanged
    });
    Lilong.login.onChange(accountChanged);
    app.map.on('click', (event) => {
      mapClicked(event.latlng);
      tiledFeatureClicked(event.latlng);
    });
    setUpTiledCursor();
    i18n.onChange(relabel);
    renderSwitcher();
    renderLegend();
    const initial = Array.from(app.layers.values()).filter((entry) => entry.visible);
    await Promise.all(initial.map((entry) => showLayer(entry)));
    if (app.tiles) {
      await app.tiles.whenLoaded();
    }
    fitToDataIfNoExtent();
    markReady();
  }

  /** Waits for the next frame, so that a test that sees "ready" also sees the features painted. */
  function markReady() {
    window.requestAnimationFrame(() => {
      window.lilongReady = true;
      document.body.dataset.ready = 'true';
    });
  }

  function showAppError(message) {
    const box = document.getElementById('app-error');
    box.textContent = message;
    box.hidden = false;
  }

  // ---- the map ------------------------------------------------------------------------------

  function createMap() {
    // Half zoom steps let the district fill the window better than whole ones.
    const map = L.map('map', { maxZoom: MAX_ZOOM, zoomSnap: 0.25, zoomControl: true, attributionControl: true });
    // The default prefix links to leafletjs.com; the page has no external links or requests.
    map.attributionControl.setPrefix('Leaflet');
    L.control.scale({ imperial: false }).addTo(map);
    PANES.forEach(([name, zIndex]) => {
      map.createPane(name).style.zIndex = String(zIndex);
    });
    map.on('popupopen', (event) => { app.openPopup = event.popup; });
    map.on('popupclose', (event) => {
      if (app.openPopup === event.popup) {
        app.openPopup = null;
      }
    });
    app.map = map;
    fitToConfiguredExtent();
    createVectorTiles();
  }

  // ---- vector tiles -------------------------------------------------------------------------

  /** The layers map-config says to draw from tiles (and that the page knows); none from an older server. */
  function tiledLayerIds() {
    const tiles = app.config.tiles;
    if (!tiles || typeof tiles.template !== 'string' || !Array.isArray(tiles.layers)) {
      return new Set();
    }
    const known = new Set(app.config.layers.map((cfg) => cfg.id));
    return new Set(tiles.layers.filter((id) => known.has(id)));
  }

  /** One canvas layer per pane that holds tiled layers, so the stacking stays as it was with GeoJSON. */
  function createVectorTiles() {
    const tiled = Array.from(app.layers.values()).filter((entry) => entry.tiled);
    if (tiled.length === 0) {
      return;
    }
    const zoomRanges = {};
    tiled.forEach((entry) => {
      const range = entry.cfg.tiles || {};
      zoomRanges[entry.cfg.id] = { minzoom: Number(range.minzoom), maxzoom: Number(range.maxzoom) };
    });
    app.tiles = Lilong.vectorTiles.create(app.map, {
      template: app.config.tiles.template,
      panes: PANES.map(([pane, , ids]) => ({ pane, layerIds: ids.filter((id) => app.layers.has(id) && app.layers.get(id).tiled) }))
        .filter((spec) => spec.layerIds.length > 0),
      zoomRanges,
      maxZoom: MAX_ZOOM,
      style: (layerId, feature) => Lilong.styles.pathStyle(layerId, feature),
      drawable: drawableTiledFeatures,
      onTiles: tilesSucceededOrFailed
    });
  }

  /** A failed tile marks the visible tiled layers as failed in the switcher, the next drawn tile clears it. */
  function tilesSucceededOrFailed(error) {
    let changed = false;
    app.layers.forEach((entry) => {
      const next = entry.tiled && entry.visible ? error : null;
      if (entry.tiled && (entry.error === null) !== (next === null)) {
        entry.error = next;
        changed = true;
      }
    });
    if (changed) {
      renderSwitcher();
    }
  }

  /**
   * The tiled features to draw, in drawing order: grids only at the levels shown (and those without a
   * level, as before), coarser levels last so that their thicker, darker outlines stay on top.
   */
  function drawableTiledFeatures(layerId, features) {
    if (layerId !== 'grids') {
      return features;
    }
    const order = (app.config.gridLevels || []).map((l) => l.code);
    const rank = (feature) => order.indexOf((feature.properties || {}).level);
    return features
      .filter((feature) => rank(feature) < 0 || app.gridLevelsShown.has(feature.properties.level))
      .sort((a, b) => rank(b) - rank(a));
  }

  function syncTiledLayers() {
    if (app.tiles) {
      const editing = Lilong.editor && Lilong.editor.isActive();
      app.tiles.setVisibleLayers(Array.from(app.layers.values())
        .filter((entry) => entry.tiled && entry.visible && !(editing && entry.cfg.id === 'grids')).map((entry) => entry.cfg.id));
    }
  }

  /**
   * A click on a tiled feature opens the popup its GeoJSON path opened: the feature under the
   * pointer is found in the tile, then fetched whole by id (its public attributes and geometry).
   * While a mode has the map click, the shapes let it through, as the GeoJSON layers do.
   */
  async function tiledFeatureClicked(latlng) {
    if (!app.tiles || anyModeActive()) {
      return;
    }
    const found = app.tiles.featureAt(latlng);
    const mine = ++app.tiledClicks;
    if (!found) {
      return;
    }
    const entry = app.layers.get(found.layerId);
    let feature = null;
    if (found.feature.id !== null && found.feature.id !== undefined) {
      try {
        feature = await Lilong.api.loadFeature(found.layerId, found.feature.id);
      } catch (error) {
        // The tile's own attributes are public too: better a popup without geometry than none.
      }
    }
    if (mine !== app.tiledClicks || anyModeActive()) {
      return;
    }
    const shown = feature || { type: 'Feature', id: found.feature.id, properties: found.feature.properties, geometry: null };
    L.popup({ maxWidth: 340, minWidth: 200 })
      .setLatLng(latlng)
      .setContent(() => Lilong.popups.build(entry.cfg, shown, app.config))
      .openOn(app.map);
  }

  /** The pointer cursor over clickable tiled features, as over the GeoJSON paths (checked once a frame). */
  function setUpTiledCursor() {
    if (!app.tiles) {
      return;
    }
    const container = app.map.getContainer();
    let pending = null;
    app.map.on('mousemove', (event) => {
      const first = pending === null;
      pending = event.latlng;
      if (first) {
        window.requestAnimationFrame(() => {
          const over = !anyModeActive() && app.tiles.featureAt(pending) !== null;
          container.classList.toggle('tiled-feature-hover', over);
          pending = null;
        });
      }
    });
    app.map.on('mouseout', () => container.classList.remove('tiled-feature-hover'));
  }

  /**
   * A click on the map (or on a grid or street) is a "where is this?" unless a mode has the click:
   * the life circle starts there, the coverage mode may place a proposal there.
   */
  function mapClicked(latlng) {
    if (Lilong.editor.isActive()) {
      return;   // the editor's own shapes and tools take the clicks they need
    }
    if (Lilong.coverage.isActive()) {
      Lilong.coverage.mapClicked(latlng);
    } else if (Lilong.lifeCircle.isActive()) {
      Lilong.lifeCircle.startAtPoint(latlng);
    } else {
      Lilong.where.lookup(latlng);
    }
  }

  /** One mode at a time: entering one leaves the others, and the where panel gives way to any. */
  function lifeCircleModeChanged(active) {
    if (active) {
      Lilong.coverage.setActive(false);
      Lilong.editor.setActive(false);
    }
    modesChanged();
  }

  function coverageModeChanged(active) {
    if (active) {
      Lilong.lifeCircle.setActive(false);
      Lilong.editor.setActive(false);
    }
    modesChanged();
  }

  /**
   * While editing, the editor draws the grids itself (editable or locked): the tiled grids step aside,
   * and the features' popups give way to the editor's forms.
   */
  function editorModeChanged(active) {
    if (active) {
      Lilong.lifeCircle.setActive(false);
      Lilong.coverage.setActive(false);
      app.map.closePopup();
    }
    app.layers.forEach((entry) => {
      if (entry.group) {
        eachFeatureLayer(entry.group, (layer) => (active ? layer.unbindPopup() : layer.lilongBindPopup && layer.lilongBindPopup()));
      }
    });
    syncTiledLayers();
    if (!active && app.tiles) {
      app.tiles.reload();   // the grids as they are now, after any edits
    }
    modesChanged();
  }

  /** Every feature's layer of a (nested) group, e.g. the grids' level groups. */
  function eachFeatureLayer(group, action) {
    group.eachLayer((layer) => (layer.eachLayer ? eachFeatureLayer(layer, action) : action(layer)));
  }

  function anyModeActive() {
    return Lilong.lifeCircle.isActive() || Lilong.coverage.isActive() || (Lilong.editor && Lilong.editor.isActive());
  }

  function modesChanged() {
    Lilong.where.clearSelection();
    document.getElementById('where-panel').hidden = anyModeActive();
  }

  /** After an edit was stored: the layer is drawn again from the server. */
  function layerChanged(layerId) {
    const entry = app.layers.get(layerId);
    if (!entry) {
      return;
    }
    if (entry.tiled) {
      if (app.tiles) {
        app.tiles.reload();
      }
      return;
    }
    reloadLayer(entry);
  }

  function reloadLayer(entry) {
    if (entry.group) {
      entry.group.remove();
    }
    entry.features = null;
    entry.promise = null;
    entry.group = null;
    entry.levelGroups = null;
    if (entry.visible) {
      showLayer(entry);
    }
  }

  /**
   * A login or logout changes what the server shows (internal attributes): the attribute titles,
   * the loaded layers and the tiles are asked for again, and open popups are closed.
   */
  async function accountChanged() {
    app.map.closePopup();
    Lilong.where.clearSelection();
    // At once, so that nothing loaded for the previous account stays on the map.
    app.layers.forEach((entry) => {
      if (!entry.tiled && (entry.features || entry.promise)) {
        reloadLayer(entry);
      }
    });
    if (app.tiles) {
      app.tiles.reload();
    }
    try {
      const fresh = await Lilong.api.loadConfig();
      app.config.attributes = fresh.attributes;
    } catch (error) {
      // The titles stay as they were; the attributes themselves still come with the features.
    }
  }

  function paneOf(layerId) {
    const pane = PANES.find(([, , ids]) => ids.includes(layerId));
    return pane ? pane[0] : 'overlayPane';
  }

  /** Fits the sub-districts' extent from map-config: no need to wait for any data. */
  function fitToConfiguredExtent() {
    const sub = app.layers.get('subdistricts');
    const extent = sub && sub.cfg.extent;
    if (Array.isArray(extent) && extent.length === 4 && extent.every(Number.isFinite)) {
      const sw = app.display.coordsToLatLng([extent[0], extent[1]]);
      const ne = app.display.coordsToLatLng([extent[2], extent[3]]);
      app.map.fitBounds(L.latLngBounds(sw, ne), { padding: [12, 12] });
      app.fittedToExtent = true;
    } else {
      app.map.setView(FALLBACK_CENTER, FALLBACK_ZOOM);
      app.fittedToExtent = false;
    }
  }

  /** Without an extent in map-config, the drawn sub-districts (if any) still give one. */
  function fitToDataIfNoExtent() {
    if (app.fittedToExtent) {
      return;
    }
    const sub = app.layers.get('subdistricts');
    if (sub && sub.group && sub.group.getBounds && sub.group.getBounds().isValid()) {
      app.map.fitBounds(sub.group.getBounds(), { padding: [12, 12] });
    }
  }

  // ---- basemap ------------------------------------------------------------------------------

  function basemaps() {
    return app.config.basemaps || [];
  }

  function initialBasemap() {
    const wanted = app.config.defaultBasemap;
    return basemaps().some((b) => b.id === wanted) ? wanted : 'none';
  }

  function isOsmBasemap(basemap) {
    return basemap.osm === true || basemap.osmDerived === true || /openstreetmap/i.test(basemap.url || '');
  }

  /** "none" draws no tiles: the pale background and the streets layer stand in for a basemap. */
  function setBasemap(id) {
    const basemap = basemaps().find((b) => b.id === id) || null;
    if (app.tileLayer) {
      app.tileLayer.remove();
      app.tileLayer = null;
    }
    app.basemapId = basemap ? basemap.id : 'none';
    if (basemap) {
      app.tileLayer = L.tileLayer(basemap.url, {
        maxZoom: MAX_ZOOM, maxNativeZoom: basemap.maxZoom || MAX_ZOOM, crossOrigin: false,
        subdomains: basemap.subdomains || 'abc'
      }).addTo(app.map);
    }
    document.getElementById('map').classList.toggle('basemap-none', !basemap);
    setDisplayCrs(basemap ? basemap.crs : 'wgs84');
    syncAttribution();
  }

  /** Switching between WGS84 and GCJ-02 basemaps redraws the loaded layers in the new frame. */
  function setDisplayCrs(crs) {
    const next = Lilong.coords.displayTransform(crs);
    if (app.tiles) {
      // Tiles cannot be shifted in the page: the server shifts the data before tiling it.
      app.tiles.setCrs(next.shifted ? 'gcj02' : null);
    }
    if (next.shifted === app.display.shifted) {
      return;
    }
    app.display = next;
    app.layers.forEach((entry) => {
      if (entry.features) {
        const wasOnMap = entry.group && app.map.hasLayer(entry.group);
        if (entry.group) {
          entry.group.remove();
        }
        buildLayer(entry);
        if (wasOnMap) {
          entry.group.addTo(app.map);
          orderGridLevels(entry);
        }
      }
    });
    Lilong.where.clearSelection();
    Lilong.lifeCircle.redraw();
    Lilong.coverage.redraw();
    Lilong.editor.redraw();
  }

  // ---- attribution --------------------------------------------------------------------------

  /** The credits for what is on screen: the basemap's and each visible layer's, OSM's when due. */
  function wantedAttributions() {
    const wanted = new Set();
    const basemap = basemaps().find((b) => b.id === app.basemapId);
    if (basemap) {
      if (basemap.attribution) {
        wanted.add(basemap.attribution);
      }
      if (isOsmBasemap(basemap)) {
        wanted.add(OSM_ATTRIBUTION);
      }
    }
    app.layers.forEach((entry) => {
      if (entry.visible && (entry.group || entry.tiled)) {
        if (entry.cfg.attribution) {
          wanted.add(entry.cfg.attribution);
        }
        if (entry.cfg.osmDerived) {
          wanted.add(OSM_ATTRIBUTION);
        }
      }
    });
    // "© OpenStreetMap contributors, ODbL" from a layer already says it: don't say it twice.
    const others = Array.from(wanted).filter((text) => text !== OSM_ATTRIBUTION);
    if (others.some((text) => /OpenStreetMap/i.test(text))) {
      wanted.delete(OSM_ATTRIBUTION);
    }
    return wanted;
  }

  function syncAttribution() {
    const control = app.map.attributionControl;
    const wanted = wantedAttributions();
    // The control takes HTML; the texts come from the server's data, so they go in escaped.
    app.attributions.forEach((text) => {
      if (!wanted.has(text)) {
        control.removeAttribution(Lilong.dom.escapeHtml(text));
      }
    });
    wanted.forEach((text) => {
      if (!app.attributions.has(text)) {
        control.addAttribution(Lilong.dom.escapeHtml(text));
      }
    });
    app.attributions = wanted;
  }

  // ---- layers -------------------------------------------------------------------------------

  /** Loads the layer's features once; later calls share the same request. */
  function ensureLoaded(entry) {
    if (entry.features) {
      return Promise.resolve();
    }
    if (!entry.promise) {
      entry.loading = true;
      entry.error = null;
      renderSwitcher();
      entry.promise = Lilong.api.loadLayer(entry.cfg.id).then((features) => {
        entry.features = features;
        entry.count = features.length;
        buildLayer(entry);
      }).catch((error) => {
        entry.error = error;
        entry.promise = null;   // a later click on the checkbox tries again
      }).finally(() => {
        entry.loading = false;
      });
    }
    return entry.promise;
  }

  async function showLayer(entry) {
    if (entry.tiled) {
      syncTiledLayers();
      layersChanged();
      return;
    }
    await ensureLoaded(entry);
    if (entry.visible && entry.group && !app.map.hasLayer(entry.group)) {
      entry.group.addTo(app.map);
      orderGridLevels(entry);
    }
    layersChanged();
  }

  function hideLayer(entry) {
    if (entry.tiled) {
      syncTiledLayers();
    }
    if (entry.group) {
      entry.group.remove();
    }
    layersChanged();
  }

  function setLayerVisible(id, visible) {
    const entry = app.layers.get(id);
    if (!entry) {
      return;
    }
    entry.visible = visible;
    if (visible) {
      showLayer(entry);
    } else {
      hideLayer(entry);
    }
    renderSwitcher();
  }

  function layersChanged() {
    syncAttribution();
    renderSwitcher();
    renderLegend();
  }

  function setGridLevelShown(code, shown) {
    if (shown) {
      app.gridLevelsShown.add(code);
    } else {
      app.gridLevelsShown.delete(code);
    }
    const entry = app.layers.get('grids');
    if (entry && entry.tiled && app.tiles) {
      app.tiles.restyle('grids');
    }
    if (entry && entry.levelGroups) {
      Object.keys(entry.levelGroups).forEach((level) => {
        const group = entry.levelGroups[level];
        const want = app.gridLevelsShown.has(level);
        if (want && !entry.group.hasLayer(group)) {
          entry.group.addLayer(group);
        } else if (!want && entry.group.hasLayer(group)) {
          entry.group.removeLayer(group);
        }
      });
      orderGridLevels(entry);
    }
    renderSwitcher();
    renderLegend();
  }

  /**
   * With several levels shown, a coarse grid's outline coincides with the outlines of its
   * children, so coarser levels are drawn on top where their thicker, darker lines stay visible.
   * Only the finest level shown takes clicks inside its polygons (the others only on their
   * outline): a click inside a grid should open the smallest grid there, not its sub-district.
   */
  function orderGridLevels(entry) {
    if (!entry.levelGroups || !app.map.hasLayer(entry.group)) {
      return;
    }
    const shown = (app.config.gridLevels || []).map((l) => l.code)
      .filter((code) => entry.levelGroups[code] && entry.group.hasLayer(entry.levelGroups[code]));
    const finest = shown[shown.length - 1];
    shown.slice().reverse().forEach((code) => {
      const group = entry.levelGroups[code];
      group.bringToFront();
      group.eachLayer((layer) => {
        const element = layer.getElement && layer.getElement();
        if (element) {
          element.classList.toggle('grid-outline-only', code !== finest);
        }
      });
    });
  }

  /** Classes and data attributes a stylesheet or a browser test can select features by. */
  function featureClasses(layerId, properties) {
    const token = Lilong.dom.classToken;
    switch (layerId) {
      case 'grids': return ['grid-level-' + token(properties.level)];
      case 'renovation-plots': return ['stage-' + token(properties.stage)];
      case 'service-stations': return ['station-category-' + token(properties.category)];
      case 'streets': return ['street-' + token(properties.class)];
      default: return [];
    }
  }

  function geoJsonOptions(entry) {
    const layerId = entry.cfg.id;
    const pane = paneOf(layerId);
    const className = 'lilong-feature layer-' + layerId;
    return {
      pane: pane,
      className: className,
      coordsToLatLng: app.display.coordsToLatLng,
      style: (feature) => Lilong.styles.pathStyle(layerId, feature),
      // Stations are circle markers: no image files, styled like the rest, cheap in numbers.
      // They don't pass clicks on to the map: a click on a station is about the station.
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, Object.assign(
        { pane: pane, className: className, bubblingMouseEvents: false }, Lilong.styles.pointStyle(layerId, feature))),
      onEachFeature: (feature, layer) => decorateFeature(entry, feature, layer)
    };
  }

  function decorateFeature(entry, feature, layer) {
    const layerId = entry.cfg.id;
    const properties = feature.properties || {};
    const classes = featureClasses(layerId, properties);
    // Leaflet makes a new SVG element each time the layer is added to the map: decorate each time.
    layer.on('add', () => {
      const element = layer.getElement && layer.getElement();
      if (element) {
        element.setAttribute('data-layer', layerId);
        element.setAttribute('data-feature-id', String(feature.id));
        classes.forEach((c) => element.classList.add(c));
      }
    });
    // A function, not a string: rebuilt in the current language at each opening, and as DOM.
    // While editing, a click on a station, park or plot opens its form instead: no popup is bound then.
    layer.lilongBindPopup = () => layer.bindPopup(() => Lilong.popups.build(entry.cfg, feature, app.config), { maxWidth: 340, minWidth: 200 });
    if (!Lilong.editor.isActive()) {
      layer.lilongBindPopup();
    }
    layer.on('click', () => {
      if (Lilong.editor.isActive()) {
        Lilong.editor.featureClicked(layerId, feature);
      }
    });
    if (layerId === 'service-stations') {
      layer.bindTooltip(() => Lilong.popups.tooltip(feature), { direction: 'top', offset: [0, -6] });
    } else {
      // Opening a popup stops the click from reaching the map, yet a click on a grid or a street
      // is as much a "where is this?" as one on empty ground.
      layer.on('click', (event) => mapClicked(event.latlng));
    }
  }

  function buildLayer(entry) {
    const options = geoJsonOptions(entry);
    if (entry.cfg.id !== 'grids') {
      entry.group = L.geoJSON({ type: 'FeatureCollection', features: entry.features }, options);
      return;
    }
    // One sub-group per level, so levels can be switched without rebuilding anything.
    const byLevel = {};
    entry.features.forEach((feature) => {
      const level = (feature.properties || {}).level || 'unknown';
      (byLevel[level] = byLevel[level] || []).push(feature);
    });
    entry.levelGroups = {};
    entry.group = L.featureGroup();
    (app.config.gridLevels || []).map((l) => l.code).concat(Object.keys(byLevel))
      .filter((level, index, all) => all.indexOf(level) === index && byLevel[level])
      .forEach((level) => {
        const group = L.geoJSON({ type: 'FeatureCollection', features: byLevel[level] }, options);
        entry.levelGroups[level] = group;
        if (app.gridLevelsShown.has(level) || level === 'unknown') {
          entry.group.addLayer(group);
        }
      });
  }

  /** The grids of one level, from the grids layer (loaded once for the map) or, failing that, from the server. */
  async function gridFeaturesOfLevel(level) {
    const entry = app.layers.get('grids');
    if (entry && !entry.tiled) {
      await ensureLoaded(entry);
      if (entry.features) {
        return entry.features.filter((feature) => (feature.properties || {}).level === level);
      }
    }
    return Lilong.api.gridsOfLevel(level);
  }

  function findGridFeature(id) {
    return findFeature('grids', id);
  }

  /**
   * Promise of one feature (GeoJSON) or null: from the layer's loaded GeoJSON, else (a tiled layer,
   * or one not switched on) fetched by id.
   */
  function findFeature(layerId, id) {
    const entry = app.layers.get(layerId);
    if (!entry) {
      return Promise.resolve(null);
    }
    if (entry.features) {
      return Promise.resolve(entry.features.find((feature) => String(feature.id) === String(id)) || null);
    }
    return Lilong.api.loadFeature(layerId, id).catch(() => null);
  }

  // ---- side panel ---------------------------------------------------------------------------

  function renderSwitcher() {
    if (!app.config) {
      return;
    }
    Lilong.switcher.render(document.getElementById('layer-switcher'), document.getElementById('basemap-switcher'), {
      config: app.config,
      basemapId: app.basemapId,
      layers: Array.from(app.layers.values()),
      gridLevelsShown: app.gridLevelsShown,
      onToggleLayer: setLayerVisible,
      onToggleLevel: setGridLevelShown,
      onBasemap: setBasemap
    });
  }

  function stationCategoriesOnMap() {
    const entry = app.layers.get('service-stations');
    if (!entry || !entry.features) {
      return null;
    }
    return new Set(entry.features.map((f) => (f.properties || {}).category).filter((c) => c !== undefined && c !== null));
  }

  function renderLegend() {
    if (!app.config) {
      return;
    }
    Lilong.styles.renderLegend(document.getElementById('legend'), {
      config: app.config,
      layers: Array.from(app.layers.values()).filter((e) => e.visible).map((e) => e.cfg),
      gridLevelsShown: app.gridLevelsShown,
      stationCategories: stationCategoriesOnMap()
    });
  }

  /** On phones the panel is a bottom sheet that starts closed. */
  function setUpPanelToggle() {
    const button = document.getElementById('panel-toggle');
    button.addEventListener('click', () => setPanelOpen(!document.body.classList.contains('panel-open')));
  }

  function setPanelOpen(open) {
    document.body.classList.toggle('panel-open', open);
    document.getElementById('panel-toggle').setAttribute('aria-expanded', String(open));
  }

  // ---- texts and language -------------------------------------------------------------------

  function applyStaticTexts() {
    document.documentElement.lang = i18n.lang() === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach((node) => {
      node.textContent = i18n.t(node.dataset.i18n);
    });
    const toggle = document.getElementById('lang-toggle');
    toggle.textContent = i18n.t('langToggle');
    toggle.setAttribute('lang', i18n.lang() === 'en' ? 'zh-CN' : 'en');
    toggle.setAttribute('aria-label', i18n.t('langToggleLabel'));
    toggle.title = i18n.t('langToggleLabel');
    document.getElementById('side-panel').setAttribute('aria-label', i18n.t('panelLabel'));
    document.getElementById('map').setAttribute('aria-label', i18n.t('mapLabel'));
  }

  function renderHeader() {
    const dataset = app.config.dataset || {};
    const title = document.getElementById('dataset-title');
    title.textContent = dataset.title || '';
    const notice = document.getElementById('synthetic-notice');
    notice.hidden = dataset.synthetic !== true;
    notice.textContent = i18n.t('syntheticNotice');
    notice.title = i18n.t('syntheticTitle');
    document.getElementById('dataset-description').textContent = dataset.description || '';
    document.title = dataset.title ? '里弄 Lilong · ' + dataset.title : '里弄 Lilong';
  }

  function relabel() {
    applyStaticTexts();
    if (!app.config) {
      return;
    }
    renderHeader();
    renderSwitcher();
    renderLegend();
    Lilong.where.render();
    Lilong.lifeCircle.render();
    Lilong.coverage.render();
    Lilong.login.relabel();
    Lilong.editor.render();
    if (app.openPopup && app.openPopup.isOpen()) {
      app.openPopup.setContent(app.openPopup.getContent());   // re-runs the content function
    }
  }

  start().catch((error) => {
    showAppError(error && error.message ? error.message : String(error));
    throw error;
  });
})(window.Lilong);
