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
    constructor(status, title, detail) {
      super(detail ? title + ': ' + detail : title);
      this.name = 'ApiError';
      this.status = status;
      this.title = title;
      this.detail = detail;
    }
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
    return new ApiError(response.status, problem.title || response.statusText || ('HTTP ' + response.status),
      problem.detail || '');
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

  /** POSTs body as JSON and reads the JSON answer; nothing the page posts is stored (see /analysis/what-if). */
  async function postJson(url, body) {
    let response;
    try {
      response = await fetch(url, { method: 'POST', credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'Network error', e.message);
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response.json();
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

  Lilong.api = { ApiError, loadConfig, loadLayer, where, isochrones, lifeCircle, lifeCircleProfile,
    gridsOfLevel, coverage, coverageSummary, coverageGaps, suggestSites, whatIf };
})(window.Lilong);
