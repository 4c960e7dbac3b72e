/*
 * The large layers (streets, water, residential areas, grids) drawn from the server's vector tiles
 * (/tiles/{z}/{x}/{y}.mvt?layers=...) instead of whole GeoJSON layers. One request per tile carries
 * every visible tiled layer; it is decoded once (mvt.js) and shared by one canvas GridLayer per map
 * pane, so the layers keep the stacking of the panes they had as GeoJSON (areas under the life
 * circle's shades, streets over them, grids under the thematic polygons). Clicks are hit-tested
 * against the features drawn in the tile under the pointer, so a tiled feature still opens its popup.
 */
(function (Lilong) {
  'use strict';

  const TILE_SIZE = 256;
  /** How near a line a click counts as on it, in screen pixels. */
  const HIT_TOLERANCE_PX = 5;
  /** Decoded tiles kept for redraws (level switches, panes that share a tile): a few screens' worth. */
  const CACHE_TILES = 128;

  /** Fetches and decodes tiles by URL; concurrent and repeated asks for one URL share one request. */
  class TileSource {
    constructor() {
      this.cache = new Map();
    }

    /** Promise of the decoded tile at url; null for an empty tile (204). */
    load(url) {
      let entry = this.cache.get(url);
      if (entry) {
        this.cache.delete(url);   // re-inserted: the Map's order is the recency order
      } else {
        entry = fetchTile(url);
        entry.catch(() => this.cache.delete(url));   // a later draw tries again
      }
      this.cache.set(url, entry);
      while (this.cache.size > CACHE_TILES) {
        this.cache.delete(this.cache.keys().next().value);
      }
      return entry;
    }
  }

  async function fetchTile(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/vnd.mapbox-vector-tile' } });
    if (response.status === 204) {
      return null;
    }
    if (!response.ok) {
      throw new Error('tile ' + url + ': HTTP ' + response.status);
    }
    return Lilong.mvt.decode(await response.arrayBuffer());
  }

  // ---- drawing ------------------------------------------------------------------------------

  function dashes(dashArray) {
    if (!dashArray) {
      return [];
    }
    return String(dashArray).split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n) && n >= 0);
  }

  function tracePath(ctx, feature, k) {
    ctx.beginPath();
    if (feature.type === 'Polygon') {
      feature.geometry.forEach((polygon) => polygon.forEach((ring) => {
        ring.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * k, y * k) : ctx.lineTo(x * k, y * k)));
        ctx.closePath();
      }));
    } else if (feature.type === 'LineString') {
      feature.geometry.forEach((line) => line.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * k, y * k) : ctx.lineTo(x * k, y * k))));
    } else if (feature.type === 'Point') {
      feature.geometry.forEach(([x, y]) => {
        ctx.moveTo(x * k + 4, y * k);
        ctx.arc(x * k, y * k, 4, 0, 2 * Math.PI);
      });
    }
  }

  /** Draws one feature with Leaflet path options (color, weight, opacity, fill, fillColor, fillOpacity, dashArray, lineCap). */
  function drawFeature(ctx, feature, style, k) {
    tracePath(ctx, feature, k);
    if (feature.type !== 'LineString' && style.fill !== false) {
      ctx.globalAlpha = style.fillOpacity === undefined ? 0.2 : style.fillOpacity;
      ctx.fillStyle = style.fillColor || style.color || '#3388ff';
      ctx.fill('evenodd');   // holes stay open whatever their winding
    }
    if (style.stroke !== false && (style.weight === undefined || style.weight > 0)) {
      ctx.globalAlpha = style.opacity === undefined ? 1 : style.opacity;
      ctx.strokeStyle = style.color || '#3388ff';
      ctx.lineWidth = style.weight === undefined ? 3 : style.weight;
      ctx.lineCap = style.lineCap || 'round';
      ctx.lineJoin = style.lineJoin || 'round';
      ctx.setLineDash(dashes(style.dashArray));
      ctx.stroke();
    }
  }

  // ---- hit testing (tile coordinates) -------------------------------------------------------

  function ringContains(ring, x, y) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Even-odd over the polygon's rings: inside the exterior and outside every hole. */
  function polygonContains(polygon, x, y) {
    return polygon.reduce((inside, ring) => (ringContains(ring, x, y) ? !inside : inside), false);
  }

  function segmentDistance(x, y, [ax, ay], [bx, by]) {
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
  }

  function lineNear(line, x, y, tolerance) {
    for (let i = 1; i < line.length; i++) {
      if (segmentDistance(x, y, line[i - 1], line[i]) <= tolerance) {
        return true;
      }
    }
    return false;
  }

  function hits(feature, x, y, tolerance) {
    const b = feature.bbox;
    if (x < b[0] - tolerance || x > b[2] + tolerance || y < b[1] - tolerance || y > b[3] + tolerance) {
      return false;
    }
    switch (feature.type) {
      case 'Polygon': return feature.geometry.some((polygon) => polygonContains(polygon, x, y));
      case 'LineString': return feature.geometry.some((line) => lineNear(line, x, y, tolerance));
      case 'Point': return feature.geometry.some(([px, py]) => Math.hypot(px - x, py - y) <= tolerance);
      default: return false;
    }
  }

  /** Area within the tile, for choosing the finest of nested polygons (lines and points count as 0). */
  function areaOf(feature) {
    if (feature.type !== 'Polygon') {
      return 0;
    }
    return feature.geometry.reduce((sum, polygon) => sum + polygon.reduce((s, ring) => s + Lilong.mvt.signedArea(ring), 0), 0);
  }

  function smallest(features) {
    return features.reduce((best, f) => (best === null || Math.abs(areaOf(f)) < Math.abs(areaOf(best)) ? f : best), null);
  }

  // ---- the canvas layer of one pane ---------------------------------------------------------

  /** One pane's tiled layers on canvases; draws what the controller hands it and remembers it for hit tests. */
  const PaneTiles = L.GridLayer.extend({
    initialize: function (controller, layerIds, options) {
      L.GridLayer.prototype.initialize.call(this, options);
      this._controller = controller;
      this._layerIds = layerIds;
      /** tile key → {coords, layers: [{id, extent, features}]} as drawn, bottom first. */
      this._drawn = new Map();
      this.on('tileunload', (event) => this._drawn.delete(this._tileCoordsToKey(event.coords)));
    },

    createTile: function (coords, done) {
      const canvas = L.DomUtil.create('canvas', 'lilong-vector-tile');
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;   // sharp lines on HiDPI screens
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      const key = this._tileCoordsToKey(coords);
      this._controller.tileFor(coords).then((tile) => {
        const current = this._tiles[key];
        if (current && current.el === canvas) {   // not replaced by a redraw meanwhile
          this._drawn.set(key, { coords, layers: this._paint(canvas, tile, size, ratio) });
        }
        this._controller.tileLoaded();
        done(null, canvas);
      }, (error) => {
        this._controller.tileFailed(error);
        done(error, canvas);
      });
      return canvas;
    },

    _paint: function (canvas, tile, size, ratio) {
      const drawn = [];
      if (!tile) {
        return drawn;
      }
      const ctx = canvas.getContext('2d');
      ctx.scale(ratio, ratio);
      this._layerIds.forEach((layerId) => {
        const layer = tile[layerId];
        if (!layer || !this._controller.isVisible(layerId)) {
          return;
        }
        const features = this._controller.drawable(layerId, layer.features);
        const k = size.x / layer.extent;
        features.forEach((feature) => drawFeature(ctx, feature, this._controller.style(layerId, feature), k));
        drawn.push({ id: layerId, extent: layer.extent, features });
      });
      return drawn;
    },

    /**
     * Leaflet 1.9's redraw() takes the map's zoom unrounded as the tile zoom, so at a fractional
     * zoom (zoomSnap 0.25) it would ask for tiles such as 15.25/x/y; resetting the view rounds it.
     */
    redraw: function () {
      if (this._map) {
        this._removeAllTiles();
        this._resetView();
      }
      return this;
    },

    layerIds: function () {
      return this._layerIds;
    },

    /** The topmost drawn feature at a map point of this pane, or null. */
    featureAt: function (latlng) {
      const map = this._map;
      const z = this._clampZoom(Math.round(map.getZoom()));
      const point = map.project(latlng, z);
      const size = this.getTileSize();
      const tx = Math.floor(point.x / size.x);
      const ty = Math.floor(point.y / size.y);
      const record = this._drawn.get(this._tileCoordsToKey({ x: tx, y: ty, z }));
      if (!record) {
        return null;
      }
      const scale = map.getZoomScale(map.getZoom(), z);   // screen pixels per tile pixel
      for (let i = record.layers.length - 1; i >= 0; i--) {
        const layer = record.layers[i];
        const k = layer.extent / size.x;
        const x = (point.x - tx * size.x) * k;
        const y = (point.y - ty * size.y) * k;
        const found = layer.features.filter((f) => hits(f, x, y, (HIT_TOLERANCE_PX / scale) * k));
        if (found.length > 0) {
          return { layerId: layer.id, feature: smallest(found) };
        }
      }
      return null;
    },

    drawnIds: function (layerId) {
      const ids = new Set();
      this._drawn.forEach((record) => record.layers.filter((l) => l.id === layerId)
        .forEach((l) => l.features.forEach((f) => ids.add(f.id))));
      return ids;
    }
  });

  // ---- the controller -----------------------------------------------------------------------

  /**
   * options: {template ('/tiles/{z}/{x}/{y}.mvt'), panes: [{pane, layerIds}] bottom first,
   *           zoomRanges: {layerId: {minzoom, maxzoom}}, maxZoom (of the map),
   *           style(layerId, feature) → Leaflet path options,
   *           drawable(layerId, features) → the features to draw, in drawing order,
   *           onTiles(error) after each tile: the error when it failed, null when it was drawn}
   * Returns the controller: setVisibleLayers(ids), setCrs(crs), restyle(layerId), reload(), featureAt(latlng),
   * drawnFeatureIds(layerId), requestedLayers(z), whenLoaded(), isLoading(), stats().
   */
  function create(map, options) {
    const source = new TileSource();
    const ranges = options.zoomRanges || {};
    const visible = new Set();
    let crs = null;
    let failures = 0;
    // Beyond every layer's maxzoom the deepest tiles are scaled up rather than asked for.
    const maxzooms = Object.values(ranges).map((r) => (r && Number.isFinite(r.maxzoom) ? r.maxzoom : options.maxZoom));
    const maxNativeZoom = Math.min(options.maxZoom, maxzooms.length ? Math.max(...maxzooms) : options.maxZoom);

    const controller = {
      isVisible: (layerId) => visible.has(layerId),
      style: options.style,
      drawable: options.drawable || ((layerId, features) => features),
      tileFor,
      tileFailed: (error) => {
        failures++;
        (options.onTiles || (() => {}))(error);
      },
      tileLoaded: () => (options.onTiles || (() => {}))(null),
      setVisibleLayers,
      setCrs,
      restyle,
      reload,
      featureAt,
      drawnFeatureIds,
      requestedLayers,
      whenLoaded,
      isLoading: () => panes.some((pane) => map.hasLayer(pane) && pane.isLoading()),
      stats: () => ({ failures, cached: source.cache.size })
    };

    const panes = options.panes.map((spec) => new PaneTiles(controller, spec.layerIds, {
      pane: spec.pane, tileSize: TILE_SIZE, maxZoom: options.maxZoom, maxNativeZoom: maxNativeZoom,
      // No world copies: createTile then sees the coordinates the tiles are kept under.
      className: 'lilong-vector-tiles', updateWhenZooming: false, keepBuffer: 2, noWrap: true
    }));

    function inRange(layerId, z) {
      const range = ranges[layerId];
      return !range || ((!Number.isFinite(range.minzoom) || z >= range.minzoom) && (!Number.isFinite(range.maxzoom) || z <= range.maxzoom));
    }

    /** The visible tiled layers a tile at zoom z asks for: none below a layer's minzoom. */
    function requestedLayers(z) {
      return options.panes.flatMap((spec) => spec.layerIds).filter((id) => visible.has(id) && inRange(id, z));
    }

    function tileUrl(coords, layerIds) {
      const path = options.template.replace('{z}', coords.z).replace('{x}', coords.x).replace('{y}', coords.y);
      const params = new URLSearchParams({ layers: layerIds.join(',') });
      if (crs) {
        params.set('crs', crs);
      }
      return path + (path.includes('?') ? '&' : '?') + params.toString().replace(/%2C/g, ',');
    }

    function tileFor(coords) {
      const layerIds = requestedLayers(coords.z);
      return layerIds.length === 0 ? Promise.resolve(null) : source.load(tileUrl(coords, layerIds));
    }

    function setVisibleLayers(ids) {
      const before = new Set(visible);
      visible.clear();
      ids.forEach((id) => visible.add(id));
      panes.forEach((pane) => {
        const own = pane.layerIds();
        const wanted = own.some((id) => visible.has(id));
        const changed = own.some((id) => before.has(id) !== visible.has(id));
        if (!wanted) {
          pane.remove();
        } else if (!map.hasLayer(pane)) {
          pane.addTo(map);
        } else if (changed) {
          pane.redraw();
        }
      });
    }

    /** "gcj02" or "bd09" when the basemap is drawn in it (the server shifts the data); null for WGS84. */
    function setCrs(next) {
      const value = next || null;
      if (value === crs) {
        return;
      }
      crs = value;
      panes.filter((pane) => map.hasLayer(pane)).forEach((pane) => pane.redraw());
    }

    /** Redraws the panes drawing layerId (e.g. after grid levels were switched); tiles come from the cache. */
    function restyle(layerId) {
      panes.filter((pane) => map.hasLayer(pane) && pane.layerIds().includes(layerId)).forEach((pane) => pane.redraw());
    }

    /** Forgets every decoded tile and asks again (after an edit, or a login that changes what may be seen). */
    function reload() {
      source.cache.clear();
      panes.filter((pane) => map.hasLayer(pane)).forEach((pane) => pane.redraw());
    }

    /** {layerId, feature} of the topmost tiled feature drawn at a map point, or null. */
    function featureAt(latlng) {
      for (let i = panes.length - 1; i >= 0; i--) {
        if (map.hasLayer(panes[i])) {
          const found = panes[i].featureAt(latlng);
          if (found) {
            return found;
          }
        }
      }
      return null;
    }

    /** Ids of the features of a layer drawn in the tiles now on the map (for tests and debugging). */
    function drawnFeatureIds(layerId) {
      const ids = new Set();
      panes.filter((pane) => map.hasLayer(pane)).forEach((pane) => pane.drawnIds(layerId).forEach((id) => ids.add(id)));
      return Array.from(ids).sort((a, b) => a - b);
    }

    /** Resolves once every pane on the map has loaded (or failed) the tiles in view. */
    function whenLoaded() {
      return Promise.all(panes.filter((pane) => map.hasLayer(pane) && pane.isLoading())
        .map((pane) => new Promise((resolve) => pane.once('load', resolve))));
    }

    return controller;
  }

  Lilong.vectorTiles = { create };
})(window.Lilong);
