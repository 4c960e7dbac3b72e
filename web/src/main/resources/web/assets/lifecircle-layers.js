/*
 * What the life circle draws on the map: the isochrones as nested shades (the longest walk, lightest,
 * drawn first, so the shortest, darkest, lies on top), the start, the facilities reachable within the
 * longest walk, and the walking route to one facility. Drawing only; what is drawn is lifecircle.js's
 * business. Names reach the map as text nodes (tooltips), never as HTML.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;

  /** Darkest first: the shortest walk gets the first shade, as the legend says. */
  const SHADES = ['#0b6e5f', '#3fa796', '#9ad5c8', '#cdebe4'];
  const SHADE_FILL_OPACITY = 0.32;
  const ROUTE = { color: '#c2410c', weight: 5, opacity: 0.95, lineCap: 'round', lineJoin: 'round' };
  const AREA = { color: '#0b6e5f', weight: 2.5, opacity: 1, dashArray: '6 4', fill: false };

  /** The shade of the band at position rank (0 = shortest) among count bands. */
  function shadeOf(rank) {
    return SHADES[Math.min(rank, SHADES.length - 1)];
  }

  /**
   * Returns a drawer bound to a map. coordsToLatLng([lon, lat]) places data coordinates on the map
   * (it differs from WGS84 only over a GCJ-02 basemap, see coords.js); it is read at each draw.
   */
  function create(map, coordsToLatLng) {
    const isochroneGroup = L.layerGroup().addTo(map);
    const markGroup = L.layerGroup().addTo(map);
    const facilityGroup = L.layerGroup().addTo(map);
    const routeGroup = L.layerGroup().addTo(map);

    function clearAll() {
      [isochroneGroup, markGroup, facilityGroup, routeGroup].forEach((group) => group.clearLayers());
    }

    /** features: the isochrone features, ascending by minutes, as the server sends them. */
    function drawIsochrones(features) {
      isochroneGroup.clearLayers();
      const sorted = features.slice().sort((a, b) => a.properties.minutes - b.properties.minutes);
      sorted.slice().reverse().forEach((feature) => {
        const minutes = feature.properties.minutes;
        const color = shadeOf(sorted.indexOf(feature));
        L.geoJSON(feature, {
          pane: 'lilong-isochrones', interactive: false, coordsToLatLng: coordsToLatLng,
          className: 'isochrone isochrone-' + Lilong.dom.classToken(minutes),
          style: () => ({ color: color, weight: 1.2, opacity: 0.9, fillColor: color, fillOpacity: SHADE_FILL_OPACITY })
        }).addTo(isochroneGroup);
      });
    }

    /** start: {lon, lat}; area: a residential-area GeoJSON geometry to outline, or null. */
    function drawStart(start, area) {
      markGroup.clearLayers();
      if (area) {
        L.geoJSON(area, { pane: 'lilong-highlight', interactive: false, coordsToLatLng: coordsToLatLng,
          className: 'lifecircle-area', style: () => AREA }).addTo(markGroup);
      }
      L.marker(coordsToLatLng([start.lon, start.lat]), {
        icon: L.divIcon({ className: 'lifecircle-start', iconSize: [18, 18] }),
        interactive: false, keyboard: false, pane: 'lilong-highlight'
      }).addTo(markGroup);
    }

    /** reachable: [{category, layer, id, name, lon, lat, walkMetres, minutes}], nearest first. */
    function drawReachable(reachable, describe) {
      facilityGroup.clearLayers();
      reachable.forEach((facility) => {
        const marker = L.circleMarker(coordsToLatLng([facility.lon, facility.lat]), {
          pane: 'lilong-reachable', className: 'reachable-facility', bubblingMouseEvents: false,
          radius: 8, color: '#1f2933', weight: 2.5, opacity: 1,
          fillColor: Lilong.styles.categoryColor(facility.category), fillOpacity: 1
        });
        marker.on('add', () => {
          const element = marker.getElement();
          if (element) {
            element.setAttribute('data-category', String(facility.category));
            element.setAttribute('data-feature-id', String(facility.id));
          }
        });
        marker.bindTooltip(() => el('span', { className: 'feature-tooltip' },
          el('span', { className: 'reachable-name', text: facility.name || '' }),
          el('span', { className: 'reachable-walk', text: ' · ' + describe(facility) })), { direction: 'top', offset: [0, -8] });
        marker.addTo(facilityGroup);
      });
    }

    /** Draws the walk to nearest ({route, lon, lat}) and returns its bounds, or null without a route. */
    function drawRoute(nearest) {
      routeGroup.clearLayers();
      if (!nearest || !nearest.route) {
        return null;
      }
      const line = L.geoJSON(nearest.route, { pane: 'lilong-highlight', interactive: false,
        coordsToLatLng: coordsToLatLng, className: 'walk-route', style: () => ROUTE }).addTo(routeGroup);
      L.circleMarker(coordsToLatLng([nearest.lon, nearest.lat]), { pane: 'lilong-highlight', interactive: false,
        className: 'walk-route-end', radius: 6, color: ROUTE.color, weight: 3, fillColor: '#ffffff', fillOpacity: 1 })
        .addTo(routeGroup);
      return line.getBounds();
    }

    return { drawIsochrones, drawStart, drawReachable, drawRoute, clear: clearAll };
  }

  Lilong.lifeCircleLayers = { create, shadeOf, SHADE_FILL_OPACITY, ROUTE_COLOR: ROUTE.color };
})(window.Lilong);
