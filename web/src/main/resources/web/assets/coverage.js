/*
 * Coverage gaps on the map: a "覆盖缺口 / Coverage" button switches the map into the coverage mode.
 * For one facility category and threshold it asks the server who is out of reach, colours the grids
 * of a chosen level by their covered share, draws the uncovered units and lists every category's
 * totals (coverage-panel.js draws the panel, coverage-layers.js the map). Suggested sites and "what
 * if" proposals are asked for here too; a proposal lives only in the page: the server stores nothing.
 */
(function (Lilong) {
  'use strict';

  const i18n = Lilong.i18n;

  /** The residential-area grid is the level planners and residents know. */
  const DEFAULT_LEVEL = 'residential';
  /** The grid levels coverage is tabulated at (building groups are units, not grids to colour). */
  const LEVELS = ['subdistrict', 'comprehensive', 'residential', 'micro'];
  const DEFAULT_K = 3;
  const MAX_K = 10;
  /** Layers that cannot hold a new facility: candidates come from the others, or from the street nodes. */
  const NOT_CANDIDATES = new Set(['grids', 'subdistricts', 'streets', 'water']);

  let map = null;
  let panel = null;
  let config = null;
  let drawer = null;
  let mode = null;
  let toData = (latlng) => latlng;
  let gridFeatures = (level) => Lilong.api.gridsOfLevel(level);
  let onShow = () => {};
  let onModeChange = () => {};
  let profilePromise = null;
  /** Only the latest answer of each kind counts; earlier ones may arrive late. */
  const sequence = { coverage: 0, suggest: 0, whatIf: 0 };
  /** level → Promise of its grid features; grids change rarely, and a reload of the page refreshes them. */
  const gridCache = new Map();

  const state = {
    profile: null,
    summary: null,
    summaryError: null,
    categoryId: null,
    level: DEFAULT_LEVEL,
    /** '' for the category's maximum walk, else minutes at speedId. */
    minutes: '',
    speedId: null,
    status: 'idle',
    error: null,
    coverage: null,
    gaps: [],
    grids: [],
    suggest: emptySuggestion(),
    whatIf: emptyWhatIf()
  };

  function emptySuggestion() {
    return { status: 'idle', k: DEFAULT_K, candidates: '', result: null, error: null };
  }

  function emptyWhatIf() {
    return { status: 'idle', placing: null, facilities: [], links: [], linkStart: null, result: null, error: null, body: null };
  }

  /**
   * options: {map, panel, config (map-config), toData(latlng) → WGS84 latlng, coordsToLatLng([lon, lat]) → map latlng,
   *           gridFeatures(level) → Promise of the grid features of a level,
   *           onShow() when there is something to see, onModeChange(active) when the map's click changes meaning}
   */
  function init(options) {
    map = options.map;
    panel = options.panel;
    config = options.config;
    toData = options.toData || toData;
    gridFeatures = options.gridFeatures || gridFeatures;
    onShow = options.onShow || onShow;
    onModeChange = options.onModeChange || onModeChange;
    drawer = Lilong.coverageLayers.create(map, options.coordsToLatLng);
    createMode();
    render();
  }

  /** The mode: entering shows the panel and loads what it needs; leaving clears the map and gives the click back. */
  function createMode() {
    mode = Lilong.pageMode.create(map, {
      name: 'coverage',
      keys: { label: 'cvToggle', title: 'cvToggleTitle', leave: 'cvLeaveLabel' },
      panel, state,
      enter: () => {
        onShow();
        start();
      },
      leave: forget,
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

  async function start() {
    state.status = 'loading';
    state.error = null;
    render();
    const mine = ++sequence.coverage;
    try {
      const [profile, summary] = await Promise.all([loadProfile(), Lilong.api.coverageSummary()]);
      if (mine !== sequence.coverage) {
        return;
      }
      state.summary = summary.summary || [];
      state.summaryError = null;
      if (!state.categoryId || !categoryOf(state.categoryId)) {
        state.categoryId = defaultCategory(profile, state.summary);
      }
    } catch (error) {
      if (mine !== sequence.coverage) {
        return;
      }
      state.status = 'error';
      state.error = error;
      render();
      return;
    }
    await loadCoverage();
  }

  function loadProfile() {
    if (!profilePromise) {
      profilePromise = Lilong.api.lifeCircleProfile().then((loaded) => {
        state.profile = loaded;
        state.speedId = state.speedId || loaded.defaultSpeed || null;
        return loaded;
      }).catch((error) => {
        profilePromise = null;
        throw error;
      });
    }
    return profilePromise;
  }

  /** The first category that has any facility (a map of gaps with nothing to reach says little), else the first. */
  function defaultCategory(profile, summary) {
    const withFacilities = summary.find((row) => row.category && row.facilities > 0);
    if (withFacilities) {
      return withFacilities.category.id;
    }
    const categories = (profile && profile.categories) || [];
    return categories.length ? categories[0].id : null;
  }

  function categoryOf(id) {
    const categories = (state.profile && state.profile.categories) || [];
    return categories.find((c) => c.id === id) || null;
  }

  /** {minutes, speed} when minutes are chosen; null for the category's own maximum walk. */
  function threshold() {
    const minutes = Number(state.minutes);
    return state.minutes !== '' && Number.isFinite(minutes) ? { minutes: state.minutes, speed: state.speedId } : null;
  }

  /** Loads the coverage of the chosen category, its gaps and the grids of the chosen level, and draws them. */
  async function loadCoverage() {
    const mine = ++sequence.coverage;
    state.status = 'loading';
    state.error = null;
    render();
    try {
      const coverage = await Lilong.api.coverage(state.categoryId, threshold());
      const links = coverage.links || {};
      const [gaps, grids] = await Promise.all([
        Lilong.api.coverageGaps(links.gaps, state.categoryId, threshold()),
        gridsOfLevel(state.level)
      ]);
      if (mine !== sequence.coverage) {
        return;
      }
      state.coverage = coverage;
      state.gaps = gaps.features || [];
      state.grids = grids;
      state.status = 'done';
    } catch (error) {
      if (mine !== sequence.coverage) {
        return;
      }
      state.status = 'error';
      state.error = error;
      state.coverage = null;
      state.gaps = [];
      state.grids = [];
    }
    draw();
    render();
  }

  function gridsOfLevel(level) {
    if (!gridCache.has(level)) {
      const promise = Promise.resolve(gridFeatures(level))
        .then((features) => features.filter((f) => (f.properties || {}).level === level));
      promise.catch(() => gridCache.delete(level));   // a later try asks again
      gridCache.set(level, promise);
    }
    return gridCache.get(level);
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Draws the current state (again, e.g. after the basemap's frame changed). */
  function draw() {
    if (!drawer) {
      return;
    }
    drawer.clear();
    if (!state.active) {
      return;
    }
    if (state.status === 'done') {
      const rows = gridRows();
      drawer.drawChoropleth(state.grids, (feature) => rows.byId.get(String(feature.id))
        || rows.byCode.get(String((feature.properties || {}).code)) || null, Lilong.coveragePanel.gridPopup);
      drawer.drawGaps(state.gaps, (feature) => Lilong.coveragePanel.gapPopup(feature, state.coverage));
    }
    drawSuggestion();
    drawProposal();
  }

  function gridRows() {
    const byId = new Map();
    const byCode = new Map();
    ((state.coverage && state.coverage.grids) || []).forEach((row) => {
      byId.set(String(row.id), row);
      if (row.code !== undefined && row.code !== null) {
        byCode.set(String(row.code), row);
      }
    });
    return { byId, byCode };
  }

  function gapsByKey() {
    const byKey = new Map();
    state.gaps.forEach((feature) => {
      const p = feature.properties || {};
      byKey.set(Lilong.coverageLayers.unitKey(p.layer, p.featureId), feature);
    });
    return byKey;
  }

  function drawSuggestion() {
    const result = state.suggest.result;
    if (!result) {
      return;
    }
    const sites = result.sites || [];
    drawer.drawSites(sites, Lilong.coveragePanel.siteText);
    const newly = [];
    sites.forEach((site) => (site.newlyCovered || []).forEach((unit) => newly.push(unit)));
    drawer.drawNewlyCovered(newly, gapsByKey(), 'suggest');
  }

  function drawProposal() {
    const w = state.whatIf;
    drawer.drawProposal({ facilities: w.facilities, links: w.links, linkStart: w.linkStart });
    if (w.result && !state.suggest.result) {
      drawer.drawNewlyCovered(w.result.newlyCovered || [], gapsByKey(), 'whatif');
    }
  }

  // ---- what the panel asks for ---------------------------------------------------------------

  /** Another category: the suggestion and the proposal's answer were for the old one. */
  function selectCategory(id) {
    if (!id || id === state.categoryId) {
      return;
    }
    state.categoryId = id;
    resetAnswers();
    loadCoverage();
  }

  function setLevel(code) {
    if (code === state.level) {
      return;
    }
    state.level = code;
    if (state.status !== 'done') {
      render();
      return;
    }
    const mine = ++sequence.coverage;
    gridsOfLevel(code).then((grids) => {
      if (mine === sequence.coverage) {
        state.grids = grids;
        draw();
        render();
      }
    }).catch((error) => {
      if (mine === sequence.coverage) {
        state.status = 'error';
        state.error = error;
        draw();
        render();
      }
    });
  }

  function setMinutes(minutes) {
    const next = String(minutes || '').trim();
    if (next === state.minutes) {
      return;
    }
    state.minutes = next;
    resetAnswers();
    loadCoverage();
  }

  function setSpeed(id) {
    if (id === state.speedId) {
      return;
    }
    state.speedId = id;
    if (state.minutes !== '') {
      resetAnswers();
      loadCoverage();
    } else {
      render();
    }
  }

  function resetAnswers() {
    sequence.suggest++;
    sequence.whatIf++;
    state.suggest = Object.assign(emptySuggestion(), { k: state.suggest.k, candidates: state.suggest.candidates });
    const w = state.whatIf;
    state.whatIf = Object.assign(emptyWhatIf(), { facilities: w.facilities, links: w.links });
    if (drawer) {
      drawer.clearSuggestion();
    }
  }

  async function suggest(k, candidates) {
    const count = Math.round(Number(k));
    state.suggest.k = k;
    state.suggest.candidates = candidates || '';
    if (!Number.isFinite(count) || count < 1 || count > MAX_K) {
      state.suggest.status = 'error';
      state.suggest.result = null;
      state.suggest.error = { local: true, message: i18n.t('cvKRange', { max: MAX_K }) };
      drawer.clearSuggestion();
      render();
      return;
    }
    const mine = ++sequence.suggest;
    state.suggest.status = 'loading';
    state.suggest.error = null;
    render();
    try {
      const result = await Lilong.api.suggestSites(state.categoryId, count, state.suggest.candidates, threshold());
      if (mine !== sequence.suggest) {
        return;
      }
      state.suggest.result = result;
      state.suggest.status = 'done';
    } catch (error) {
      if (mine !== sequence.suggest) {
        return;
      }
      state.suggest.result = null;
      state.suggest.status = 'error';
      state.suggest.error = error;
    }
    draw();
    render();
  }

  function clearSuggestion() {
    sequence.suggest++;
    state.suggest = Object.assign(emptySuggestion(), { k: state.suggest.k, candidates: state.suggest.candidates });
    draw();
    render();
  }

  /** The next map click places a facility ('facility'), or two clicks a link ('link'); null disarms. */
  function arm(kind) {
    const w = state.whatIf;
    w.placing = w.placing === kind ? null : kind;
    w.linkStart = null;
    document.body.classList.toggle('coverage-placing', w.placing !== null);
    draw();
    render();
  }

  /** A click on the map in coverage mode: latlng as drawn on the map. Only a placement uses it. */
  function mapClicked(latlng) {
    const w = state.whatIf;
    if (!w.placing) {
      return;
    }
    const point = toData(latlng);
    const at = { lon: round(point.lng), lat: round(point.lat) };
    if (w.placing === 'facility') {
      w.facilities.push(at);
      w.placing = null;
    } else if (!w.linkStart) {
      w.linkStart = at;
    } else {
      w.links.push([w.linkStart, at]);
      w.linkStart = null;
      w.placing = null;
    }
    document.body.classList.toggle('coverage-placing', w.placing !== null);
    forgetWhatIfAnswer();
    draw();
    render();
  }

  /** Six decimals: about 0.1 m, finer than any click. */
  function round(degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }

  function forgetWhatIfAnswer() {
    sequence.whatIf++;
    state.whatIf.result = null;
    state.whatIf.error = null;
    state.whatIf.status = 'idle';
    state.whatIf.body = null;
  }

  /** The body of POST /analysis/what-if for the current proposal. */
  function whatIfBody() {
    const w = state.whatIf;
    const body = {
      category: state.categoryId,
      facilities: w.facilities.map((p) => ({ type: 'Point', coordinates: [p.lon, p.lat] })),
      links: w.links.map((link) => ({ type: 'LineString', coordinates: link.map((p) => [p.lon, p.lat]) }))
    };
    // The same threshold as the map's, in the same terms, so that "before" is what the map shows.
    const chosen = threshold();
    if (chosen) {
      body.minutes = Number(chosen.minutes);
      if (chosen.speed) {
        body.speed = chosen.speed;
      }
    }
    return body;
  }

  async function compare() {
    const w = state.whatIf;
    if (w.facilities.length === 0 && w.links.length === 0) {
      return;
    }
    const mine = ++sequence.whatIf;
    const body = whatIfBody();
    w.body = body;
    w.status = 'loading';
    w.error = null;
    render();
    try {
      const result = await Lilong.api.whatIf(body);
      if (mine !== sequence.whatIf) {
        return;
      }
      state.whatIf.result = result;
      state.whatIf.status = 'done';
    } catch (error) {
      if (mine !== sequence.whatIf) {
        return;
      }
      state.whatIf.result = null;
      state.whatIf.status = 'error';
      state.whatIf.error = error;
    }
    draw();
    render();
  }

  function clearProposal() {
    sequence.whatIf++;
    state.whatIf = emptyWhatIf();
    document.body.classList.remove('coverage-placing');
    draw();
    render();
  }

  /** Leaving the mode: nothing of it stays on the map. */
  function forget() {
    sequence.coverage++;
    sequence.suggest++;
    sequence.whatIf++;
    state.status = 'idle';
    state.error = null;
    state.coverage = null;
    state.gaps = [];
    state.grids = [];
    state.suggest = emptySuggestion();
    state.whatIf = emptyWhatIf();
    document.body.classList.remove('coverage-placing');
    if (drawer) {
      drawer.clear();
    }
  }

  function render() {
    if (!panel) {
      return;
    }
    labelToggle();
    Lilong.coveragePanel.render(panel, {
      state, config,
      levels: LEVELS,
      maxK: MAX_K,
      candidateLayers: ((config && config.layers) || []).filter((layer) => !layer.base && !NOT_CANDIDATES.has(layer.id)),
      onCategory: selectCategory,
      onLevel: setLevel,
      onMinutes: setMinutes,
      onSpeed: setSpeed,
      onSuggest: suggest,
      onClearSuggestion: clearSuggestion,
      onArm: arm,
      onCompare: compare,
      onClearProposal: clearProposal,
      onLeave: () => setActive(false)
    });
  }

  /** The body of the last what-if the page posted (for tests and the curious), or null. */
  function lastWhatIfBody() {
    return state.whatIf.body ? JSON.stringify(state.whatIf.body) : null;
  }

  Lilong.coverage = { init, isActive, setActive, mapClicked, render, redraw: draw, lastWhatIfBody };
})(window.Lilong);
