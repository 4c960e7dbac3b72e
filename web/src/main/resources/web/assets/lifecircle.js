/*
 * The 15-minute life circle on the map: a "生活圈 / Life circle" button switches the map's click from
 * "where is this?" to the life circle. A click (or the button in a residential area's popup) asks
 * the server for the walking isochrones and the facility checklist from there, at the chosen speed,
 * draws them (lifecircle-layers.js) and fills #lifecircle-panel (checklist.js).
 */
(function (Lilong) {
  'use strict';

  const i18n = Lilong.i18n;

  const BANDS = [5, 10, 15];

  let map = null;
  let panel = null;
  let drawer = null;
  let mode = null;
  let toData = (latlng) => latlng;
  let onShow = () => {};
  let onModeChange = () => {};
  /** Only the answer to the latest request counts; earlier ones may arrive late. */
  let sequence = 0;
  let profilePromise = null;
  let profile = null;

  const state = {
    status: 'idle',
    speedId: null,
    /** {lon, lat} or {area, geometry}: what the last request asked from. */
    start: null,
    isochrones: null,
    report: null,
    error: null,
    selectedCategory: null,
    collapsed: false
  };

  /**
   * options: {map, panel, toData(latlng) → WGS84 latlng, coordsToLatLng([lon, lat]) → map latlng,
   *           onShow() when there is something to see (the page opens its panel on phones),
   *           onModeChange(active) when the map's click changes meaning}
   */
  function init(options) {
    map = options.map;
    panel = options.panel;
    toData = options.toData || toData;
    onShow = options.onShow || onShow;
    onModeChange = options.onModeChange || onModeChange;
    drawer = Lilong.lifeCircleLayers.create(map, options.coordsToLatLng);
    createMode();
    render();
  }

  /** The mode: entering shows the panel and loads what it needs; leaving clears the map and gives the click back. */
  function createMode() {
    mode = Lilong.pageMode.create(map, {
      name: 'lifecircle',
      keys: { label: 'lcToggle', title: 'lcToggleTitle', leave: 'lcLeaveLabel' },
      panel, state,
      enter: () => {
        loadProfile();
        onShow();
      },
      leave: clearAnswer,
      changed: (active) => {
        onModeChange(active);
        render();
      }
    });
  }

  function labelToggle() {
    if (mode) {
      mode.relabel();
    }
  }

  function isActive() {
    return state.active;
  }

  function setActive(active) {
    mode.setActive(active);
  }

  function loadProfile() {
    if (!profilePromise) {
      profilePromise = Lilong.api.lifeCircleProfile().then((loaded) => {
        profile = loaded;
        if (!state.speedId) {
          state.speedId = loaded.defaultSpeed || null;
        }
        render();
      }).catch(() => {
        profilePromise = null;   // no speed switch this time; the server's default speed still works
      });
    }
    return profilePromise;
  }

  /** A click on the map in life-circle mode: latlng as drawn on the map. */
  function startAtPoint(latlng) {
    const point = toData(latlng);
    run({ lon: point.lng, lat: point.lat });
  }

  /** From a residential area's popup: area is its GeoJSON feature. Enters the mode if need be. */
  function startAtArea(area) {
    map.closePopup();
    setActive(true);
    run({ area: area.id, geometry: area.geometry || null });
  }

  async function run(start) {
    const mine = ++sequence;
    state.start = start;
    state.status = 'loading';
    state.error = null;
    state.selectedCategory = null;
    drawer.clear();
    if (start.lon !== undefined) {
      drawer.drawStart(start, null);
    }
    render();
    onShow();
    await loadProfile();
    try {
      const [isochrones, report] = await Promise.all([
        Lilong.api.isochrones(start, state.speedId, BANDS),
        Lilong.api.lifeCircle(start, state.speedId)
      ]);
      if (mine !== sequence) {
        return;
      }
      state.isochrones = isochrones;
      state.report = report;
      state.status = 'done';
      draw();
    } catch (error) {
      if (mine !== sequence) {
        return;
      }
      state.status = 'error';
      state.error = error;
      state.isochrones = null;
      state.report = null;
    }
    render();
  }

  /** Draws the current answer (again, e.g. after the basemap's frame changed). */
  function draw() {
    if (!drawer) {
      return;
    }
    drawer.clear();
    if (state.status !== 'done') {
      if (state.start && state.start.lon !== undefined) {
        drawer.drawStart(state.start, null);
      }
      return;
    }
    const start = state.report.start || state.isochrones.start;
    drawer.drawIsochrones(state.isochrones.features || []);
    drawer.drawStart(start, state.start.geometry || null);
    drawer.drawReachable(state.report.reachable || [], Lilong.checklist.walkText);
    const selected = selectedCategory();
    if (selected) {
      drawer.drawRoute(selected.nearest);
    }
  }

  function selectedCategory() {
    if (!state.report || !state.selectedCategory) {
      return null;
    }
    return (state.report.categories || []).find((c) => c.id === state.selectedCategory) || null;
  }

  function setSpeed(id) {
    if (id === state.speedId) {
      return;
    }
    state.speedId = id;
    if (state.start) {
      run(state.start);
    } else {
      render();
    }
  }

  /** Draws the walk to the category's nearest facility and fits the map to it. */
  function select(categoryId) {
    state.selectedCategory = categoryId;
    const category = selectedCategory();
    const bounds = category ? drawer.drawRoute(category.nearest) : null;
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds, Object.assign({ maxZoom: 18 }, fitPadding()));
    }
    render();
  }

  /**
   * Keeps the route clear of the map's controls (zoom and this mode's button, top left) and, on
   * phones, of the panel, a bottom sheet over the map.
   */
  function fitPadding() {
    const sheet = document.getElementById('side-panel');
    const overMap = window.matchMedia('(max-width: 720px)').matches && document.body.classList.contains('panel-open');
    return { paddingTopLeft: [90, 30], paddingBottomRight: [30, 30 + (overMap && sheet ? sheet.offsetHeight : 0)] };
  }

  function clearAnswer() {
    sequence++;
    state.status = 'idle';
    state.start = null;
    state.isochrones = null;
    state.report = null;
    state.error = null;
    state.selectedCategory = null;
    drawer.clear();
  }

  function clearAndRender() {
    clearAnswer();
    render();
  }

  function toggleCollapsed() {
    state.collapsed = !state.collapsed;
    render();
  }

  function render() {
    if (!panel) {
      return;
    }
    labelToggle();
    Lilong.checklist.render(panel, {
      state, profile,
      onSpeed: setSpeed,
      onSelect: select,
      onClear: clearAndRender,
      onLeave: () => setActive(false),
      onToggleCollapsed: toggleCollapsed
    });
  }

  Lilong.lifeCircle = { init, isActive, setActive, startAtPoint, startAtArea, render, redraw: draw };
})(window.Lilong);
