/*
 * Plane geometry the editor needs in the page: which sub-district holds a grid (by an interior
 * point, as the server decides scope), which grid a drawing lies in, and snapping a vertex to the
 * nearest neighbouring boundary. Coordinates are [x, y] pairs (x = longitude in data coordinates, or
 * screen pixels for snapping); polygons are GeoJSON-style arrays of rings.
 */
(function (Lilong) {
  'use strict';

  /** The polygons (arrays of rings) of a GeoJSON Polygon or MultiPolygon; none for anything else. */
  function polygonsOf(geometry) {
    if (!geometry) {
      return [];
    }
    if (geometry.type === 'Polygon') {
      return [geometry.coordinates];
    }
    if (geometry.type === 'MultiPolygon') {
      return geometry.coordinates;
    }
    return [];
  }

  /** Even-odd ray casting over every ring of one polygon (holes included). */
  function polygonContains(rings, [x, y]) {
    let inside = false;
    rings.forEach((ring) => {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
          inside = !inside;
        }
      }
    });
    return inside;
  }

  function geometryContains(geometry, point) {
    return polygonsOf(geometry).some((rings) => polygonContains(rings, point));
  }

  /**
   * A point surely inside the polygon (not just its centroid, which a U-shaped grid may not hold):
   * the middle of the widest stretch of a horizontal line through the middle of its box, as JTS's
   * InteriorPointArea does, so that the page and the server agree on which sub-district holds it.
   */
  function interiorPoint(geometry) {
    let best = null;
    polygonsOf(geometry).forEach((rings) => {
      const outer = rings[0] || [];
      const ys = outer.map((p) => p[1]);
      if (ys.length === 0) {
        return;
      }
      const y = scanY(rings, (Math.min(...ys) + Math.max(...ys)) / 2);
      const xs = [];
      rings.forEach((ring) => {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i];
          const [xj, yj] = ring[j];
          if ((yi > y) !== (yj > y)) {
            xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
          }
        }
      });
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const width = xs[i + 1] - xs[i];
        if (!best || width > best.width) {
          best = { width, point: [(xs[i] + xs[i + 1]) / 2, y] };
        }
      }
    });
    return best ? best.point : null;
  }

  /** The scan line's y, nudged off any vertex so each crossing is counted once. */
  function scanY(rings, y) {
    const vertexYs = new Set(rings.flatMap((ring) => ring.map((p) => p[1])));
    let shifted = y;
    for (let i = 1; vertexYs.has(shifted) && i < 10; i++) {
      shifted = y + i * 1e-9;
    }
    return shifted;
  }

  /** Unsigned area of a polygon's rings in coordinate units (outer minus holes): for picking the smallest. */
  function area(geometry) {
    return polygonsOf(geometry).reduce((sum, rings) => sum + rings.reduce((s, ring, k) => {
      let a = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
      }
      return s + (k === 0 ? 1 : -1) * Math.abs(a / 2);
    }, 0), 0);
  }

  function closestOnSegment([px, py], [ax, ay], [bx, by]) {
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
    return [ax + t * dx, ay + t * dy];
  }

  function distance([ax, ay], [bx, by]) {
    return Math.hypot(ax - bx, ay - by);
  }

  /**
   * Where a vertex at point (screen pixels) snaps to among lines (arrays of [x, y] pixel points):
   * the nearest vertex within tolerance, else the nearest point on a segment within it, else null.
   * Vertices win over segments so that shared corners stay shared.
   */
  function snap(point, lines, tolerance) {
    let vertex = null;
    let onSegment = null;
    lines.forEach((line) => {
      line.forEach((p, i) => {
        const d = distance(point, p);
        if (d <= tolerance && (!vertex || d < vertex.d)) {
          vertex = { d, p };
        }
        if (i > 0) {
          const q = closestOnSegment(point, line[i - 1], p);
          const dq = distance(point, q);
          if (dq <= tolerance && (!onSegment || dq < onSegment.d)) {
            onSegment = { d: dq, p: q };
          }
        }
      });
    });
    if (vertex) {
      return vertex.p;
    }
    return onSegment ? onSegment.p : null;
  }

  Lilong.editorGeometry = { polygonsOf, polygonContains, geometryContains, interiorPoint, area, snap };
})(window.Lilong);
