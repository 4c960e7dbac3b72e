/*
 * The street office's editor: an "编辑 / Edit" page mode, offered to editors and admins once logged
 * in. It loads the grids in view as GeoJSON (with their internal attributes), marks those in the
 * account's sub-districts editable (by the sub-district holding each grid's interior point, as the
 * server decides) and the others locked, and lets the editor draw, reshape, split, merge and delete
 * grids and change the attributes of grids, stations, pocket parks and renovation plots. Every save
 * sends the ETag it started from; the server's answers are shown as they come: rule violations drawn
 * on the map with their messages, warnings, and on 412 a dialog with both versions. The panel is
 * drawn by editor-panel.js, the map by editor-map.js.
 */
(function (Lilong) {
  'use strict';

  const geo = Lilong.editorGeometry;
  const forms = Lilong.editorForms;
  const api = () => Lilong.api;

  /** The level a street office redraws most ("设立园区微网格"). */
  const DEFAULT_LEVEL = 'micro';

  let map = null;
  let panel = null;
  let config = null;
  let drawer = null;
  let mode = null;
  let onModeChange = () => {};
  let onChanged = () => {};
  let onShow = () => {};
  let toData = (latlng) => latlng;
  /** Only the latest load counts. */
  let loads = 0;

  const state = {
    level: DEFAULT_LEVEL,
    status: 'idle',
    error: null,
    /** Every grid loaded in view: [{feature, editable, subdistrict}]. */
    grids: [],
    /** The sub-district features (for scope and for naming them). */
    subdistricts: [],
    /** {layerId, id, feature, etag, editable, subdistrict} */
    selected: null,
    /** null, 'draw', 'new' (the form of a drawn grid), 'vertices', 'split', 'split-form', 'merge' */
    action: null,
    draft: null,
    vertexEdit: null,
    mergeWith: null,
    /** {kind: 'ok'|'error', text} */
    message: null,
    violations: [],
    warnings: [],
    /** {mine, theirs, theirEtag, overwrite(etag), reload()} */
    conflict: null,
    busy: false
  };

  /**
   * options: {map, panel, config (map-config), coordsToLatLng, toData, onShow(), onModeChange(active),
   *           onChanged(layerId) after a stored change (the map redraws that layer)}
   */
  function init(options) {
    map = options.map;
    panel = options.panel;
    config = options.config;
    onModeChange = options.onModeChange || onModeChange;
    onChanged = options.onChanged || onChanged;
    onShow = options.onShow || onShow;
    toData = options.toData || toData;
    drawer = Lilong.editorMap.create(map, {
      coordsToLatLng: options.coordsToLatLng,
      toData: options.toData,
      onGridClick: gridClicked
    });
    mode = Lilong.pageMode.create(map, {
      name: 'editor',
      keys: { label: 'edToggle', title: 'edToggleTitle', leave: 'edLeaveLabel' },
      panel, state,
      enter: () => {
        onShow();
        load();
      },
      leave: forget,
      changed: (active) => {
        onModeChange(active);
        render();
      }
    });
    mode.setAvailable(Lilong.login.canEdit());
    Lilong.login.onChange(() => {
      mode.setAvailable(Lilong.login.canEdit());
      if (state.active) {
        load();
      }
    });
    map.on('moveend', () => {
      if (state.active && state.action === null && !state.busy) {
        load();
      }
    });
    render();
  }

  function isActive() {
    return state.active === true;
  }

  function setActive(active) {
    mode.setActive(active);
  }

  function forget() {
    stopAction();
    drawer.clear();
    state.grids = [];
    state.selected = null;
    state.message = null;
    state.violations = [];
    state.warnings = [];
    state.conflict = null;
    state.status = 'idle';
    loads++;
  }

  // ---- loading ------------------------------------------------------------------------------

  /** The WGS84 box [west, south, east, north] of the map view (the map may show GCJ-02). */
  function viewBox() {
    const bounds = map.getBounds();
    const sw = toData(bounds.getSouthWest());
    const ne = toData(bounds.getNorthEast());
    return [Math.min(sw.lng, ne.lng), Math.min(sw.lat, ne.lat), Math.max(sw.lng, ne.lng), Math.max(sw.lat, ne.lat)];
  }

  async function load() {
    const mine = ++loads;
    state.status = state.grids.length ? 'ready' : 'loading';
    render();
    try {
      const [grids, subdistricts] = await Promise.all([
        api().loadLayerInBox('grids', viewBox()),
        state.subdistricts.length ? Promise.resolve(state.subdistricts) : api().loadLayer('subdistricts')
      ]);
      if (mine !== loads) {
        return;
      }
      state.subdistricts = subdistricts;
      state.grids = grids.map((feature) => Object.assign({ feature }, scopeOf(feature)));
      state.status = 'ready';
      state.error = null;
      if (state.selected && state.selected.layerId === 'grids' && !state.grids.some((g) => String(g.feature.id) === String(state.selected.id))) {
        state.selected = null;
      }
    } catch (error) {
      if (mine !== loads) {
        return;
      }
      state.status = 'error';
      state.error = error;
    }
    redrawGrids();
    render();
  }

  /** {editable, subdistrict}: the sub-district holding the feature's interior point, and whether it is the account's. */
  function scopeOf(feature) {
    const account = Lilong.login.account();
    const point = feature.geometry && feature.geometry.type === 'Point' ? feature.geometry.coordinates : geo.interiorPoint(feature.geometry);
    const subdistrict = point ? state.subdistricts.find((s) => geo.geometryContains(s.geometry, point)) || null : null;
    if (!account) {
      return { editable: false, subdistrict };
    }
    if (account.role === 'admin') {
      return { editable: true, subdistrict };
    }
    const code = subdistrict ? String((subdistrict.properties || {}).code) : null;
    return { editable: account.role === 'editor' && code !== null && account.scopes.includes(code), subdistrict };
  }

  function levelGrids() {
    return state.grids.filter((g) => (g.feature.properties || {}).level === state.level);
  }

  function redrawGrids() {
    if (!state.active) {
      return;
    }
    const shown = levelGrids();
    const context = state.grids.filter((g) => (g.feature.properties || {}).level !== state.level).map((g) => g.feature);
    drawer.drawGrids(shown, context, state.selected && state.selected.layerId === 'grids' ? state.selected.id : null);
  }

  function setLevel(level) {
    stopAction();
    state.level = level;
    state.selected = null;
    redrawGrids();
    render();
  }

  // ---- selecting ----------------------------------------------------------------------------

  function gridClicked(id) {
    if (state.action === 'merge' && state.selected) {
      pickMergePartner(id);
      return;
    }
    if (state.action !== null) {
      return;
    }
    select('grids', id);
  }

  /** A click on a station, pocket park or plot while editing (map.js sends them here instead of a popup). */
  function featureClicked(layerId, feature) {
    if (state.action !== null || !forms.editableLayers().includes(layerId)) {
      return;
    }
    select(layerId, feature.id);
  }

  async function select(layerId, id) {
    stopAction();
    clearProblems();
    state.busy = true;
    render();
    try {
      const { feature, etag } = await api().loadFeatureForEdit(layerId, id);
      state.selected = Object.assign({ layerId, id: feature.id, feature, etag }, scopeOf(feature));
      state.message = null;
    } catch (error) {
      state.message = { kind: 'error', text: Lilong.i18n.t('edLoadFailed') + error.message };
    }
    state.busy = false;
    redrawGrids();
    render();
    onShow();
  }

  function deselect() {
    stopAction();
    state.selected = null;
    redrawGrids();
    render();
  }

  // ---- actions ------------------------------------------------------------------------------

  function stopAction() {
    if (state.vertexEdit) {
      state.vertexEdit.stop();
      state.vertexEdit = null;
    }
    drawer.stopDrawing();
    state.action = null;
    state.draft = null;
    state.mergeWith = null;
  }

  function cancelAction() {
    const wasEditingVertices = state.action === 'vertices';
    stopAction();
    if (wasEditingVertices) {
      redrawGrids();   // the shape as stored
    }
    render();
  }

  function clearProblems() {
    state.violations = [];
    state.warnings = [];
    drawer.clearProblems();
  }

  function startDraw() {
    stopAction();
    clearProblems();
    state.selected = null;
    state.message = null;
    state.action = 'draw';
    redrawGrids();
    drawer.startDrawing('polygon', (geometry) => {
      state.action = 'new';
      state.draft = { geometry, properties: newGridProperties(geometry) };
      drawer.drawDraft(geometry);
      render();
    });
    render();
  }

  /** A new grid's level and parent, guessed from the finest grid that holds the drawing. */
  function newGridProperties(geometry) {
    const point = geo.interiorPoint(geometry);
    const levels = (config.gridLevels || []).map((l) => l.code);
    const holders = point ? state.grids.filter((g) => geo.geometryContains(g.feature.geometry, point)) : [];
    holders.sort((a, b) => levels.indexOf((b.feature.properties || {}).level) - levels.indexOf((a.feature.properties || {}).level));
    const parent = holders.find((g) => levels.indexOf(g.feature.properties.level) < levels.indexOf(state.level)) || holders[0];
    const parentLevel = parent ? levels.indexOf(parent.feature.properties.level) : -1;
    return {
      level: parent && parentLevel + 1 < levels.length ? levels[Math.max(parentLevel + 1, 0)] : state.level,
      parent_code: parent ? parent.feature.properties.code : ''
    };
  }

  /** Codes of the grids loaded, for the parent field's suggestions (the holder of the drawing first). */
  function parentCodes() {
    return state.grids.map((g) => ({ code: String(g.feature.properties.code || ''), label: Lilong.i18n.featureName(g.feature.properties) }))
      .filter((p) => p.code !== '');
  }

  /**
   * Asks the server to fit the drawn grid to its neighbours and parent (snap=true): nothing is stored;
   * the fitted shape replaces the drawing, to be reviewed and saved.
   */
  async function fitNew(form) {
    const properties = forms.merged(form, 'grids', {});
    const feature = { type: 'Feature', geometry: state.draft.geometry, properties };
    state.busy = true;
    clearProblems();
    render();
    try {
      const answer = await api().createFeature('grids', feature, { snap: true });
      state.draft = { geometry: answer.body.geometry, properties };
      drawer.drawDraft(state.draft.geometry);
      state.warnings = warningsOf(answer.body);
      drawer.drawProblems([], state.warnings);
      state.message = { kind: 'ok', text: Lilong.i18n.t('edFitted') };
    } catch (error) {
      refused(error, null);
    }
    state.busy = false;
    render();
  }

  async function saveNew(form) {
    const properties = forms.merged(form, 'grids', {});
    const feature = { type: 'Feature', geometry: state.draft.geometry, properties };
    await write(async () => {
      const answer = await api().createFeature('grids', feature, { comment: form.elements.comment && form.elements.comment.value });
      stopAction();
      state.message = { kind: 'ok', text: Lilong.i18n.t('edCreated', { code: properties.code || '' }) };
      return answer;
    }, 'grids');
  }

  function startVertices() {
    if (!canChangeSelected() || state.selected.layerId !== 'grids') {
      return;
    }
    stopAction();
    clearProblems();
    state.action = 'vertices';
    state.vertexEdit = drawer.editVertices(state.selected.id);
    render();
  }

  async function saveVertices() {
    const selected = state.selected;
    const geometry = state.vertexEdit.geometry();
    const feature = { type: 'Feature', id: selected.id, geometry, properties: selected.feature.properties };
    await replace(selected, feature);
  }

  async function saveAttributes(form) {
    const selected = state.selected;
    if (selected.layerId === 'grids') {
      const feature = { type: 'Feature', id: selected.id, geometry: selected.feature.geometry,
        properties: forms.merged(form, 'grids', selected.feature.properties || {}) };
      await replace(selected, feature, form.elements.comment && form.elements.comment.value);
      return;
    }
    const patch = { properties: forms.changes(form, selected.layerId, selected.feature.properties || {}) };
    if (Object.keys(patch.properties).length === 0) {
      state.message = { kind: 'ok', text: Lilong.i18n.t('edNothingChanged') };
      render();
      return;
    }
    await patchSelected(selected, patch, form.elements.comment && form.elements.comment.value);
  }

  async function replace(selected, feature, comment, etag) {
    await write(async () => {
      const answer = await api().replaceFeature(selected.layerId, selected.id, feature, etag || selected.etag, { comment });
      stopAction();
      state.selected = Object.assign({}, selected, { feature: answer.body, etag: answer.etag });
      state.message = { kind: 'ok', text: Lilong.i18n.t('edSaved') };
      return answer;
    }, selected.layerId, {
      mine: feature,
      retry: (theirEtag) => replace(selected, feature, comment, theirEtag)
    });
  }

  async function patchSelected(selected, patch, comment, etag) {
    await write(async () => {
      const answer = await api().patchFeature(selected.layerId, selected.id, patch, etag || selected.etag, { comment });
      state.selected = Object.assign({}, selected, { feature: answer.body, etag: answer.etag });
      state.message = { kind: 'ok', text: Lilong.i18n.t('edSaved') };
      return answer;
    }, selected.layerId, {
      mine: { type: 'Feature', id: selected.id, geometry: selected.feature.geometry,
        properties: Object.assign({}, selected.feature.properties, patch.properties) },
      retry: (theirEtag) => patchSelected(selected, patch, comment, theirEtag)
    });
  }

  async function deleteSelected(etag) {
    const selected = state.selected;
    if (!etag && !window.confirm(Lilong.i18n.t('edConfirmDelete', { name: Lilong.i18n.featureName(selected.feature.properties) }))) {
      return;
    }
    await write(async () => {
      const answer = await api().deleteFeature(selected.layerId, selected.id, etag || selected.etag);
      stopAction();
      state.selected = null;
      state.message = { kind: 'ok', text: Lilong.i18n.t('edDeleted') };
      return answer;
    }, selected.layerId, {
      mine: null,
      retry: (theirEtag) => deleteSelected(theirEtag)
    });
  }

  function startSplit() {
    if (!canChangeSelected() || state.selected.layerId !== 'grids') {
      return;
    }
    stopAction();
    clearProblems();
    state.action = 'split';
    drawer.startDrawing('line', (line) => {
      state.action = 'split-form';
      state.draft = { line, properties: { code: '', name: '' } };
      drawer.drawDraft(line);
      render();
    });
    render();
  }

  async function saveSplit(form, etag) {
    const selected = state.selected;
    const draft = state.draft;
    const properties = { code: form.elements.code.value.trim(), name: form.elements.name.value.trim() };
    await write(async () => {
      const answer = await api().splitGrid(selected.id, etag || selected.etag, draft.line, properties);
      stopAction();
      const updated = answer.body && answer.body.updated;
      state.selected = updated ? Object.assign({}, selected, { feature: updated, etag: quoted(updated.etag) }) : null;
      state.message = { kind: 'ok', text: Lilong.i18n.t('edSplitDone', { code: properties.code }) };
      return answer;
    }, 'grids', { mine: selected.feature, retry: (theirEtag) => saveSplit(form, theirEtag) });
  }

  function startMerge() {
    if (!canChangeSelected() || state.selected.layerId !== 'grids') {
      return;
    }
    stopAction();
    clearProblems();
    state.action = 'merge';
    render();
  }

  function pickMergePartner(id) {
    if (String(id) === String(state.selected.id)) {
      return;
    }
    const partner = state.grids.find((g) => String(g.feature.id) === String(id));
    if (!partner || !partner.editable) {
      state.message = { kind: 'error', text: Lilong.i18n.t('edMergeLocked') };
      render();
      return;
    }
    state.mergeWith = partner.feature;
    render();
  }

  async function saveMerge(etag) {
    const selected = state.selected;
    const other = state.mergeWith;
    await write(async () => {
      const partner = await api().loadFeatureForEdit('grids', other.id);
      const answer = await api().mergeGrids(selected.id, etag || selected.etag, Number(other.id), partner.etag);
      stopAction();
      state.selected = Object.assign({}, selected, { feature: answer.body, etag: answer.etag || quoted(answer.body && answer.body.etag) });
      state.message = { kind: 'ok', text: Lilong.i18n.t('edMerged') };
      return answer;
    }, 'grids', { mine: selected.feature, retry: (theirEtag) => saveMerge(theirEtag) });
  }

  function quoted(etag) {
    if (!etag) {
      return null;
    }
    const text = String(etag);
    return text.startsWith('"') || text.startsWith('W/') ? text : '"' + text + '"';
  }

  function canChangeSelected() {
    return state.selected !== null && state.selected.editable;
  }

  /**
   * Runs a write and shows its outcome: warnings drawn and listed; a 422's violations drawn with
   * their messages; a 412 opens the conflict dialog (conflict: {mine, retry(theirEtag)}).
   */
  async function write(work, layerId, conflict) {
    state.busy = true;
    clearProblems();
    state.conflict = null;
    render();
    try {
      const answer = await work();
      state.warnings = warningsOf(answer && answer.body);
      drawer.drawProblems([], state.warnings);
      onChanged(layerId);
      state.busy = false;
      await load();
    } catch (error) {
      state.busy = false;
      refused(error, conflict);
    }
    render();
  }

  /** The warnings of an answer: its own, or those of the pieces of a split. */
  function warningsOf(body) {
    if (!body) {
      return [];
    }
    return [body, body.updated, body.created].filter((part) => part && Array.isArray(part.warnings))
      .flatMap((part) => part.warnings);
  }

  function refused(error, conflict) {
    const problem = error.problem || {};
    if (error.status === 412 && conflict && problem.current) {
      const theirEtag = quoted(problem.currentEtag);
      state.conflict = {
        mine: conflict.mine,
        theirs: problem.current,
        theirEtag,
        overwrite: () => {
          state.conflict = null;
          drawer.drawTheirs(null);
          conflict.retry(theirEtag);
        },
        reload: () => {
          state.conflict = null;
          drawer.drawTheirs(null);
          stopAction();
          if (state.selected) {
            state.selected = Object.assign({}, state.selected, { feature: problem.current, etag: theirEtag });
          }
          state.message = { kind: 'ok', text: Lilong.i18n.t('edReloaded') };
          load();
          render();
        }
      };
      drawer.drawTheirs(problem.current);
      state.message = { kind: 'error', text: error.message };
      return;
    }
    state.violations = Array.isArray(problem.violations) ? problem.violations : [];
    drawer.drawProblems(state.violations, []);
    state.message = { kind: 'error', text: refusalText(error) };
  }

  function refusalText(error) {
    const i18n = Lilong.i18n;
    if (error.status === 401) {
      return i18n.t('edNotLoggedIn');
    }
    if ((error.status === 404 || error.status === 405) && state.action && /split|merge/.test(state.action)) {
      return i18n.t('edNotOffered') + error.message;
    }
    return i18n.t('edRefused') + error.message;
  }

  function closeConflict() {
    state.conflict = null;
    drawer.drawTheirs(null);
    render();
  }

  /** The account's sub-districts by name (and code), as far as they are known. */
  function scopeNames() {
    const account = Lilong.login.account();
    if (!account) {
      return [];
    }
    return account.scopes.map((code) => {
      const found = state.subdistricts.find((s) => String((s.properties || {}).code) === code);
      return found ? Lilong.i18n.featureName(found.properties) + '（' + code + '）' : code;
    });
  }

  function render() {
    Lilong.editorPanel.render(panel, state, {
      config,
      levelGrids: levelGrids(),
      parentCodes: parentCodes(),
      account: Lilong.login.account(),
      scopeNames: scopeNames(),
      setLevel, select: (id) => select('grids', id), deselect, startDraw, saveNew, fitNew, startVertices, saveVertices,
      saveAttributes, deleteSelected: () => deleteSelected(), startSplit, saveSplit: (form) => saveSplit(form), startMerge,
      saveMerge: () => saveMerge(), cancelAction, closeConflict, leave: () => setActive(false),
      finishDrawing: () => {
        const handler = drawer.drawing();
        if (handler && handler.completeShape) {
          handler.completeShape();
        }
      }
    });
  }

  /** After the basemap's frame changed (WGS84 ↔ GCJ-02): everything is drawn again where it now lies. */
  function redraw() {
    if (!state.active) {
      return;
    }
    cancelAction();
    redrawGrids();
    drawer.drawProblems(state.violations, state.warnings);
    drawer.drawTheirs(state.conflict ? state.conflict.theirs : null);
  }

  /** After the account changed or the page was relabelled. */
  function relabel() {
    if (mode) {
      mode.relabel();
    }
    render();
  }

  Lilong.editor = { init, isActive, setActive, featureClicked, redraw, render: relabel };
})(window.Lilong);
