/*
 * The few calls the page makes to the Lilong server, which serves the page at its root. Errors
 * come back as application/problem+json; they are turned into ApiError with the server's title
 * and detail, for showing to the user.
 */
(function (Lilong) {
  'use strict';

  /** Whole layers are loaded at once (they are small); the server may still page, see loadLayer. */
  const PAGE_LIMIT = 10000;
  /** A guard against a server that keeps answering with a "next" link. */
  const MAX_PAGES = 50;

  class ApiError extends Error {
    /** problem: the whole problem+json body (violations, currentEtag, current…), or {} when there was none. */
    constructor(status, title, detail, problem) {
      super(detail ? title + ': ' + detail : title);
      this.name = 'ApiError';
      this.status = status;
      this.title = title;
      this.detail = detail;
      this.problem = problem || {};
    }
  }

  /**
   * The session's CSRF token, kept in memory only (never in storage, where another script could read
   * it later): every write made with the session cookie must carry it (see send).
   */
  let csrfToken = null;

  function setCsrfToken(token) {
    csrfToken = token || null;
  }

  async function getJson(url, accept) {
    let response;
    try {
      response = await fetch(url, { headers: { Accept: accept || 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(0, 'Network error', e.message);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response.json();
  }

  async function problemOf(response) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      // Not problem+json (a proxy's HTML page, say): the status line is all there is.
    }
    const error = new ApiError(response.status, problem.title || response.statusText || ('HTTP ' + response.status),
      problem.detail || '', problem);
    // A throttled login says how long to wait (seconds).
    const retryAfter = Number(response.headers.get('Retry-After'));
    error.retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
    return error;
  }

  function loadConfig() {
    return getJson('/map-config');
  }

  /**
   * All the features of a layer as a GeoJSON feature array. Follows "next" links (on this server
   * only) in case the server caps the page size below what was asked for.
   */
  async function loadLayer(layerId) {
    let url = '/collections/' + encodeURIComponent(layerId) + '/items?f=json&limit=' + PAGE_LIMIT;
    const features = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const collection = await getJson(url, 'application/geo+json, application/json');
      (collection.features || []).forEach((feature) => features.push(feature));
      url = nextLink(collection);
    }
    return features;
  }

  function nextLink(collection) {
    const next = (collection.links || []).find((link) => link && link.rel === 'next' && link.href);
    if (!next) {
      return null;
    }
    const target = new URL(next.href, window.location.href);
    return target.origin === window.location.origin ? target.href : null;
  }

  /** One feature (GeoJSON) by id, with its public attributes and geometry in WGS84. */
  function loadFeature(layerId, id) {
    return getJson('/collections/' + encodeURIComponent(layerId) + '/items/' + encodeURIComponent(String(id)) + '?f=json',
      'application/geo+json, application/json');
  }

  function where(lon, lat) {
    return getJson('/where?lon=' + encodeURIComponent(lon.toFixed(6)) + '&lat=' + encodeURIComponent(lat.toFixed(6)));
  }

  /** The query naming where a walk starts: {area: id} or {lon, lat}, plus the speed id (or m/s). */
  function startQuery(start, speed) {
    const params = new URLSearchParams();
    if (start.area !== undefined && start.area !== null) {
      params.set('area', String(start.area));
    } else {
      params.set('lon', start.lon.toFixed(6));
      params.set('lat', start.lat.toFixed(6));
    }
    if (speed) {
      params.set('speed', String(speed));
    }
    return params;
  }

  /** The walking isochrones (GeoJSON, ascending minutes) from a start: see /analysis/isochrones. */
  function isochrones(start, speed, minutes) {
    const params = startQuery(start, speed);
    params.set('minutes', (minutes || [5, 10, 15]).join(','));
    return getJson('/analysis/isochrones?' + params, 'application/geo+json, application/json');
  }

  /** The life-circle checklist from a start: see /analysis/life-circle. */
  function lifeCircle(start, speed) {
    return getJson('/analysis/life-circle?' + startQuery(start, speed));
  }

  /** The standards profile: categories, walking speeds and the default speed. */
  function lifeCircleProfile() {
    return getJson('/analysis/profile');
  }

  /**
   * The one way the page writes: every POST, PUT, PATCH and DELETE goes through here, so each carries
   * the session's CSRF token. options: body (sent as JSON), contentType (default application/json),
   * ifMatch (an ETag, quoted as the server gave it). Resolves to {status, etag, location, body} (body
   * null when there is none, as for 204); a refusal throws ApiError with the problem body.
   */
  async function send(method, url, options) {
    const opts = options || {};
    const headers = { Accept: 'application/json, application/geo+json, application/problem+json' };
    if (opts.body !== undefined) {
      headers['Content-Type'] = opts.contentType || 'application/json';
    }
    if (opts.ifMatch) {
      headers['If-Match'] = opts.ifMatch;
    }
    if (csrfToken) {
      headers['X-CSRF-Token'] = csrfToken;
    }
    let response;
    try {
      response = await fetch(url, { method, credentials: 'same-origin', headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    } catch (e) {
      throw new ApiError(0, 'Network error', e.message);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    const text = response.status === 204 ? '' : await response.text();
    return { status: response.status, etag: response.headers.get('ETag'), location: response.headers.get('Location'),
      body: text ? JSON.parse(text) : null };
  }

  /** POSTs body as JSON and reads the JSON answer (through send, so with the CSRF token when logged in). */
  async function postJson(url, body) {
    return (await send('POST', url, { body })).body;
  }

  /** One feature with its ETag (what an edit's If-Match must name): {feature, etag}. */
  async function loadFeatureForEdit(layerId, id) {
    let response;
    try {
      response = await fetch(itemUrl(layerId, id) + '?f=json', { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/geo+json, application/json' } });
    } catch (e) {
      throw new ApiError(0, 'Network error', e.message);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return { feature: await response.json(), etag: response.headers.get('ETag') };
  }

  function itemsUrl(layerId) {
    return '/collections/' + encodeURIComponent(layerId) + '/items';
  }

  function itemUrl(layerId, id) {
    return itemsUrl(layerId) + '/' + encodeURIComponent(String(id));
  }

  /** The features of a layer inside a WGS84 box [west, south, east, north], following "next" links. */
  async function loadLayerInBox(layerId, bbox) {
    let url = itemsUrl(layerId) + '?f=json&limit=' + PAGE_LIMIT + '&bbox=' + bbox.map((v) => v.toFixed(6)).join(',');
    const features = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const collection = await getJson(url, 'application/geo+json, application/json');
      (collection.features || []).forEach((feature) => features.push(feature));
      url = nextLink(collection);
    }
    return features;
  }

  /** The grids of one level (GeoJSON features), following "next" links like loadLayer. */
  async function gridsOfLevel(level) {
    let url = '/collections/grids/items?f=json&level=' + encodeURIComponent(level) + '&limit=' + PAGE_LIMIT;
    const features = [];
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const collection = await getJson(url, 'application/geo+json, application/json');
      (collection.features || []).forEach((feature) => features.push(feature));
      url = nextLink(collection);
    }
    return features;
  }

  /**
   * The threshold part of a coverage query: {minutes, speed} or {metres}; empty for the category's own
   * maximum walk.
   */
  function thresholdQuery(params, threshold) {
    if (threshold && threshold.minutes) {
      params.set('minutes', String(threshold.minutes));
      if (threshold.speed) {
        params.set('speed', String(threshold.speed));
      }
    } else if (threshold && threshold.metres) {
      params.set('metres', String(threshold.metres));
    }
    return params;
  }

  /** Coverage of one category, with its per-grid table: see /analysis/coverage. */
  function coverage(category, threshold) {
    return getJson('/analysis/coverage?' + thresholdQuery(new URLSearchParams({ category: category }), threshold));
  }

  /** Coverage of every category at its own maximum walk. */
  function coverageSummary() {
    return getJson('/analysis/coverage');
  }

  /**
   * The uncovered units (GeoJSON) at url, the link a coverage answer gives, when it is on this server;
   * else asked for by category and threshold.
   */
  function coverageGaps(url, category, threshold) {
    const sameOrigin = url ? new URL(url, window.location.href) : null;
    if (sameOrigin && sameOrigin.origin === window.location.origin) {
      return getJson(sameOrigin.href, 'application/geo+json, application/json');
    }
    const params = thresholdQuery(new URLSearchParams({ category: category }), threshold);
    params.set('f', 'geojson');
    return getJson('/analysis/coverage/gaps?' + params, 'application/geo+json, application/json');
  }

  /** Up to k new sites for the category (maximal covering): see /analysis/suggest-sites. */
  function suggestSites(category, k, candidates, threshold) {
    const params = thresholdQuery(new URLSearchParams({ category: category, k: String(k) }), threshold);
    if (candidates) {
      params.set('candidates', candidates);
    }
    return getJson('/analysis/suggest-sites?' + params);
  }

  /** Coverage before and after a proposal that is never saved: see POST /analysis/what-if. */
  function whatIf(body) {
    return postJson('/analysis/what-if', body);
  }

  // ---- accounts and editing (OGC API – Features Part 4) ------------------------------------

  /** {authenticated, username, role, scopes, csrfToken} of the browser's session, or {authenticated: false}. */
  function session() {
    return getJson('/auth/session');
  }

  function login(username, password) {
    return postJson('/auth/login', { username, password });
  }

  function logout() {
    return send('POST', '/auth/logout');
  }

  /** A query string for the edit routes: comment= for the history, snap=true for a fitted proposal. */
  function editQuery(options) {
    const params = new URLSearchParams();
    if (options && options.comment) {
      params.set('comment', options.comment);
    }
    if (options && options.snap) {
      params.set('snap', 'true');
    }
    const text = params.toString();
    return text ? '?' + text : '';
  }

  function createFeature(layerId, feature, options) {
    return send('POST', itemsUrl(layerId) + editQuery(options),
      { body: feature, contentType: 'application/geo+json' });
  }

  function replaceFeature(layerId, id, feature, etag, options) {
    return send('PUT', itemUrl(layerId, id) + editQuery(options),
      { body: feature, contentType: 'application/geo+json', ifMatch: etag });
  }

  function patchFeature(layerId, id, patch, etag, options) {
    return send('PATCH', itemUrl(layerId, id) + editQuery(options),
      { body: patch, contentType: 'application/merge-patch+json', ifMatch: etag });
  }

  function deleteFeature(layerId, id, etag, options) {
    return send('DELETE', itemUrl(layerId, id) + editQuery(options), { ifMatch: etag });
  }

  /** Splits a grid along a line: {updated, created} (each feature with its etag). */
  function splitGrid(id, etag, line, properties) {
    return send('POST', itemUrl('grids', id) + '/split', { body: { line, properties }, ifMatch: etag });
  }

  /** Merges grid other into grid id: the merged feature; the other is deleted. */
  function mergeGrids(id, etag, other, otherEtag) {
    return send('POST', itemUrl('grids', id) + '/merge', { body: { with: other, withEtag: otherEtag }, ifMatch: etag });
  }

  Lilong.api = { ApiError, loadConfig, loadLayer, loadFeature, where, isochrones, lifeCircle, lifeCircleProfile,
    gridsOfLevel, coverage, coverageSummary, coverageGaps, suggestSites, whatIf,
    setCsrfToken, send, session, login, logout, loadFeatureForEdit, loadLayerInBox,
    createFeature, replaceFeature, patchFeature, deleteFeature, splitGrid, mergeGrids };
})(window.Lilong);
