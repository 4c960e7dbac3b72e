/*
 * Drawing WGS84 data over a GCJ-02 basemap. Chinese web basemaps (AMap, Tencent) are drawn in
 * GCJ-02, an obfuscated offset of WGS84 of 100–700 m; the data is WGS84 (see DOMAIN.md). When
 * the basemap in use says crs "gcj02", features are shifted into GCJ-02 for display, and clicked
 * points shifted back before asking the server. With WGS84 basemaps (OSM, Tianditu, none) both
 * functions are the identity. The transform is the published GCJ-02 formula (Krasovsky
 * ellipsoid); outside China it is the identity too, as GCJ-02 itself is.
 */
(function (Lilong) {
  'use strict';

  const A = 6378245.0;
  const EE = 0.00669342162296594323;

  function outOfChina(lon, lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  function offsetLat(x, y) {
    let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }

  function offsetLon(x, y) {
    let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }

  /** [lon, lat] WGS84 → [lon, lat] GCJ-02. */
  function wgs84ToGcj02(lon, lat) {
    if (outOfChina(lon, lat)) {
      return [lon, lat];
    }
    const radLat = lat / 180.0 * Math.PI;
    const sinLat = Math.sin(radLat);
    const magic = 1 - EE * sinLat * sinLat;
    const sqrtMagic = Math.sqrt(magic);
    const dLat = (offsetLat(lon - 105.0, lat - 35.0) * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    const dLon = (offsetLon(lon - 105.0, lat - 35.0) * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lon + dLon, lat + dLat];
  }

  /** [lon, lat] GCJ-02 → WGS84, by fixed-point iteration (converges to < 1 cm in a few steps). */
  function gcj02ToWgs84(lon, lat) {
    let x = lon;
    let y = lat;
    for (let i = 0; i < 20; i++) {
      const shifted = wgs84ToGcj02(x, y);
      const dx = shifted[0] - lon;
      const dy = shifted[1] - lat;
      x -= dx;
      y -= dy;
      if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) {
        break;
      }
    }
    return [x, y];
  }

  /** For a basemap crs ("wgs84", "gcj02"; missing means wgs84): data → display and back. */
  function displayTransform(crs) {
    if (String(crs || '').toLowerCase() === 'gcj02') {
      return {
        shifted: true,
        coordsToLatLng: (coords) => {
          const p = wgs84ToGcj02(coords[0], coords[1]);
          return L.latLng(p[1], p[0]);
        },
        toData: (latlng) => {
          const p = gcj02ToWgs84(latlng.lng, latlng.lat);
          return L.latLng(p[1], p[0]);
        }
      };
    }
    return {
      shifted: false,
      coordsToLatLng: (coords) => L.latLng(coords[1], coords[0]),
      toData: (latlng) => latlng
    };
  }

  Lilong.coords = { wgs84ToGcj02, gcj02ToWgs84, displayTransform };
})(window.Lilong);
