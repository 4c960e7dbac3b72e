/*
 * What the editing mode draws on the map, in its own pane over the grids: the grids of the level
 * being edited (editable ones in colour, the others greyed and locked), the other levels as faint
 * outlines, the rule violations a save was refused for (hatched red) and the warnings it gave
 * (lightly), and the other version in a conflict. It also owns Leaflet.draw's drawing and
 * vertex-editing handlers, with vertices snapping to the neighbouring grid boundaries.
 */
(function (Lilong) {
  'use strict';

  const geo = Lilong.editorGeometry;
  const PANE = 'lilong-editor';
  const PROBLEM_PANE = 'lilong-editor-problems';
  /** How near a boundary (screen pixels) a drawn or dragged vertex snaps onto it. */
  const SNAP_PX = 8;
  const HATCH_ID = 'lilong-editor-hatch';

  /**
   * map; coordsToLatLng([lon, lat]) → map latlng; toData(latlng) → WGS84 latlng;
   * onGridClick(id) when an interactive grid is clicked.
   */
  function create(map, options) {
    map.createPane(PANE).style.zIndex = '395';
    map.createPane(PROBLEM_PANE).style.zIndex = '445';
    const renderer = L.svg({ pane: PANE });
    const problemRenderer = L.svg({ pane: PROBLEM_PANE });
    const gridGroup = L.featureGroup();
    const problemGroup = L.featureGroup();
    const theirsGroup = L.featureGroup();
    const draftGroup = L.featureGroup();
    /** id → L.Polygon of the grids drawn interactive. */
    const polygons = new Map();
    /** Every grid loaded, for snapping: {id, feature}. */
    let snapTargets = [];
    let excludedFromSnap = null;
    let handler = null;

    /** Leaflet latlngs of a (multi)polygon: rings for one polygon (what Leaflet.draw's vertex editor expects). */
    function toLatLngs(geometry) {
      const polygons = geo.polygonsOf(geometry).map((rings) => rings.map((ring) => ring.slice(0, -1).map((c) => options.coordsToLatLng(c))));
      return polygons.length === 1 ? polygons[0] : polygons;
    }

    /** A Leaflet polygon's latlngs back to a GeoJSON Polygon (or MultiPolygon) in WGS84, rings closed. */
    function toGeometry(latlngs) {
      const nested = L.LineUtil.isFlat(latlngs) ? [[latlngs]] : (L.LineUtil.isFlat(latlngs[0]) ? [latlngs] : latlngs);
      const polygons = nested.map((rings) => rings.map((ring) => {
        const coords = ring.map((ll) => {
          const data = options.toData(ll);
          return [round(data.lng), round(data.lat)];
        });
        coords.push(coords[0].slice());
        return coords;
      }));
      return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
    }

    function lineToGeometry(latlngs) {
      return { type: 'LineString', coordinates: latlngs.map((ll) => {
        const data = options.toData(ll);
        return [round(data.lng), round(data.lat)];
      }) };
    }

    /** A tenth of a millimetre in degrees is plenty; shorter JSON, and no float noise in diffs. */
    function round(value) {
      return Math.round(value * 1e9) / 1e9;
    }

    function decorate(layer, classes, data) {
      layer.on('add', () => {
        const element = layer.getElement && layer.getElement();
        if (element) {
          classes.forEach((c) => element.classList.add(c));
          Object.keys(data).forEach((key) => element.setAttribute('data-' + key, String(data[key])));
        }
      });
    }

    /**
     * grids: [{feature, editable}] of the level edited; context: the other grids loaded (outlines only);
     * selectedId: the one drawn highlighted.
     */
    function drawGrids(grids, context, selectedId) {
      gridGroup.clearLayers();
      polygons.clear();
      snapTargets = grids.map((g) => g.feature).concat(context);
      context.forEach((feature) => {
        const outline = L.polygon(toLatLngs(feature.geometry), { renderer, pane: PANE, interactive: false,
          color: '#5b6770', weight: 1, opacity: 0.6, fill: false });
        decorate(outline, ['editor-grid-context'], { 'feature-id': feature.id });
        gridGroup.addLayer(outline);
      });
      grids.forEach(({ feature, editable }) => {
        const selected = String(feature.id) === String(selectedId);
        const polygon = L.polygon(toLatLngs(feature.geometry), Object.assign({ renderer, pane: PANE, bubblingMouseEvents: false },
          editable ? { color: selected ? '#d9480f' : '#1c7ed6', weight: selected ? 3 : 2, fillColor: '#4dabf7', fillOpacity: selected ? 0.25 : 0.12 }
            : { color: '#868e96', weight: 1, fillColor: '#adb5bd', fillOpacity: 0.35, dashArray: '4 3' }));
        decorate(polygon, ['editor-grid', editable ? 'editor-grid-editable' : 'editor-grid-locked'].concat(selected ? ['editor-grid-selected'] : []),
          { 'feature-id': feature.id, code: (feature.properties || {}).code || '' });
        polygon.on('click', () => options.onGridClick(feature.id));
        polygons.set(String(feature.id), polygon);
        gridGroup.addLayer(polygon);
      });
      if (!map.hasLayer(gridGroup)) {
        gridGroup.addTo(map);
      }
    }

    /** The SVG pattern the violations are hatched with, added once to the problem pane's SVG. */
    function ensureHatch() {
      const svg = problemRenderer._container;
      if (!svg || svg.querySelector('#' + HATCH_ID)) {
        return;
      }
      const ns = 'http://www.w3.org/2000/svg';
      const defs = document.createElementNS(ns, 'defs');
      const pattern = document.createElementNS(ns, 'pattern');
      pattern.setAttribute('id', HATCH_ID);
      pattern.setAttribute('patternUnits', 'userSpaceOnUse');
      pattern.setAttribute('width', '8');
      pattern.setAttribute('height', '8');
      pattern.setAttribute('patternTransform', 'rotate(45)');
      const line = document.createElementNS(ns, 'line');
      line.setAttribute('x1', '0');
      line.setAttribute('y1', '0');
      line.setAttribute('x2', '0');
      line.setAttribute('y2', '8');
      line.setAttribute('stroke', '#e03131');
      line.setAttribute('stroke-width', '3');
      pattern.appendChild(line);
      defs.appendChild(pattern);
      svg.insertBefore(defs, svg.firstChild);
    }

    /** Violations (hatched red) and warnings (light orange) that carry a `where` geometry. */
    function drawProblems(violations, warnings) {
      problemGroup.clearLayers();
      if (!map.hasLayer(problemGroup)) {
        problemGroup.addTo(map);
      }
      const add = (problem, index, kind) => {
        if (!problem.where) {
          return;
        }
        const style = kind === 'violation'
          ? { color: '#c92a2a', weight: 2, fillColor: '#e03131', fillOpacity: 0.6 }
          : { color: '#e8590c', weight: 1, dashArray: '3 3', fillColor: '#ffa94d', fillOpacity: 0.25 };
        const layer = L.geoJSON(problem.where, { coordsToLatLng: options.coordsToLatLng, renderer: problemRenderer,
          pane: PROBLEM_PANE, interactive: true, style: () => style });
        layer.eachLayer((path) => {
          decorate(path, ['editor-' + kind], { rule: problem.rule || '', index });
          path.on('add', () => {
            ensureHatch();
            const element = path.getElement();
            if (element && kind === 'violation') {
              element.setAttribute('fill', 'url(#' + HATCH_ID + ')');
            }
          });
          // The message rides on the shape as a tooltip (text, never HTML).
          path.bindTooltip(() => document.createTextNode(String(problem.message || problem.rule || '')), { sticky: true });
        });
        problemGroup.addLayer(layer);
      };
      violations.forEach((p, i) => add(p, i, 'violation'));
      warnings.forEach((p, i) => add(p, i, 'warning'));
      const bounds = problemGroup.getBounds();
      if (bounds.isValid() && !map.getBounds().contains(bounds)) {
        map.fitBounds(bounds.pad(0.5), { maxZoom: map.getZoom() });
      }
    }

    /** The shape being made (a drawn grid before it is saved, a split line): dashed orange until saved or cancelled. */
    function drawDraft(geometry) {
      draftGroup.clearLayers();
      if (geometry) {
        const layer = L.geoJSON(geometry, { coordsToLatLng: options.coordsToLatLng, renderer: problemRenderer,
          pane: PROBLEM_PANE, interactive: false,
          style: () => ({ color: '#d9480f', weight: 3, dashArray: '6 4', fillColor: '#ff922b', fillOpacity: 0.15 }) });
        layer.eachLayer((path) => decorate(path, ['editor-draft'], {}));
        draftGroup.addLayer(layer);
      }
      if (!map.hasLayer(draftGroup)) {
        draftGroup.addTo(map);
      }
    }

    /** The other client's version during a conflict, dashed, over everything. */
    function drawTheirs(feature) {
      theirsGroup.clearLayers();
      if (feature && feature.geometry) {
        const layer = L.geoJSON(feature.geometry, { coordsToLatLng: options.coordsToLatLng, renderer: problemRenderer,
          pane: PROBLEM_PANE, interactive: false,
          pointToLayer: (f, latlng) => L.circleMarker(latlng, { renderer: problemRenderer, pane: PROBLEM_PANE, radius: 8 }),
          style: () => ({ color: '#ae3ec9', weight: 3, dashArray: '6 4', fill: false }) });
        layer.eachLayer((path) => decorate(path, ['editor-theirs'], {}));
        theirsGroup.addLayer(layer);
      }
      if (!map.hasLayer(theirsGroup)) {
        theirsGroup.addTo(map);
      }
    }

    // ---- snapping -------------------------------------------------------------------------

    /**
     * The snapped map latlng for a vertex at latlng, or latlng itself when no boundary is near. Worked
     * out in unrounded projected pixels (latLngToContainerPoint rounds to whole pixels, which would
     * leave the vertex up to half a pixel off the boundary, a sliver of overlap).
     */
    function snapLatLng(latlng) {
      const zoom = map.getZoom();
      const project = (ll) => map.project(ll, zoom);
      const point = project(latlng);
      const bounds = map.getBounds().pad(0.2);
      const lines = [];
      snapTargets.forEach((feature) => {
        if (excludedFromSnap !== null && String(feature.id) === String(excludedFromSnap)) {
          return;
        }
        geo.polygonsOf(feature.geometry).forEach((rings) => rings.forEach((ring) => {
          const latlngs = ring.map((c) => options.coordsToLatLng(c));
          if (latlngs.some((ll) => bounds.contains(ll)) || L.latLngBounds(latlngs).intersects(bounds)) {
            lines.push(latlngs.map((ll) => {
              const p = project(ll);
              return [p.x, p.y];
            }));
          }
        }));
      });
      const snapped = geo.snap([point.x, point.y], lines, SNAP_PX);
      return snapped ? map.unproject(L.point(snapped[0], snapped[1]), zoom) : latlng;
    }

    /** Leaflet.draw's polygon and line tools, each new vertex snapped before it is added. */
    const SnappingPolygon = L.Draw.Polygon.extend({
      addVertex: function (latlng) {
        return L.Draw.Polygon.prototype.addVertex.call(this, snapLatLng(latlng));
      }
    });
    const SnappingPolyline = L.Draw.Polyline.extend({
      addVertex: function (latlng) {
        return L.Draw.Polyline.prototype.addVertex.call(this, snapLatLng(latlng));
      }
    });

    function stopHandler() {
      draftGroup.clearLayers();
      if (handler) {
        const h = handler;
        handler = null;
        h.disable();
      }
    }

    /** Starts drawing a polygon ('polygon') or a line ('line'); done(geometry) once it is finished. */
    function startDrawing(kind, done) {
      stopHandler();
      excludedFromSnap = null;
      const shapeOptions = { color: '#d9480f', weight: 3, fillOpacity: 0.15, className: 'editor-drawing' };
      handler = kind === 'polygon'
        ? new SnappingPolygon(map, { allowIntersection: false, showArea: false, shapeOptions })
        : new SnappingPolyline(map, { shapeOptions });
      map.once(L.Draw.Event.CREATED, (event) => {
        handler = null;
        done(kind === 'polygon' ? toGeometry(event.layer.getLatLngs()) : lineToGeometry(event.layer.getLatLngs()));
      });
      handler.enable();
    }

    /** The handler drawing now (tests and keyboard users may finish it: completeShape()). */
    function drawing() {
      return handler;
    }

    /**
     * Vertex editing of the grid with this id: each dragged vertex snaps to its neighbours' boundaries
     * when let go. Returns {geometry() → the edited shape, stop()}.
     */
    function editVertices(id) {
      const polygon = polygons.get(String(id));
      if (!polygon) {
        return null;
      }
      excludedFromSnap = id;
      let before = JSON.stringify(polygon.getLatLngs());
      const onEdit = () => {
        const latlngs = polygon.getLatLngs();
        const previous = JSON.parse(before);
        let changed = false;
        const walk = (now, was) => now.forEach((item, i) => {
          if (Array.isArray(item)) {
            walk(item, was && was[i]);
          } else if (!was || !was[i] || was[i].lat !== item.lat || was[i].lng !== item.lng) {
            const snapped = snapLatLng(item);
            if (snapped !== item) {
              now[i] = snapped;
              changed = true;
            }
          }
        });
        walk(latlngs, previous);
        if (changed) {
          polygon.setLatLngs(latlngs);
          polygon.editing.updateMarkers();
        }
        before = JSON.stringify(polygon.getLatLngs());
      };
      // Leaflet.draw's edit toolbar sets these two; its vertex editor reads them (style while editing, and after).
      polygon.options.original = L.extend({}, polygon.options);
      polygon.options.editing = L.extend({}, polygon.options, { dashArray: '6 4', fillOpacity: 0.2 });
      polygon.on('edit', onEdit);
      polygon.editing.enable();
      return {
        geometry: () => toGeometry(polygon.getLatLngs()),
        stop: () => {
          polygon.off('edit', onEdit);
          if (polygon.editing.enabled()) {
            polygon.editing.disable();
          }
          excludedFromSnap = null;
        }
      };
    }

    function clearProblems() {
      problemGroup.clearLayers();
      theirsGroup.clearLayers();
    }

    function clear() {
      stopHandler();
      gridGroup.clearLayers();
      polygons.clear();
      clearProblems();
      gridGroup.remove();
      problemGroup.remove();
      theirsGroup.remove();
      draftGroup.remove();
    }

    return { drawGrids, drawProblems, drawTheirs, drawDraft, clearProblems, clear, startDrawing, stopDrawing: stopHandler, drawing,
      editVertices, snapLatLng, toGeometry };
  }

  Lilong.editorMap = { create };
})(window.Lilong);
