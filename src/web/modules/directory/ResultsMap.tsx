import {
  circle,
  map as createMap,
  divIcon,
  type LatLngBounds,
  latLngBounds,
  marker,
  polyline,
  tileLayer,
} from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef } from 'react';
import { useLocation } from 'wouter';
import { useResource } from '../../components/useResource.ts';
import { useT } from '../../i18n.ts';
import type { SearchResult } from './types.ts';
import './ResultsMap.css';

type Point = { lat: number; lng: number };

// Grid spacings in degrees, so that a handful of lines always cross the visible area.
const STEPS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

/** Faint latitude/longitude lines: without tiles they give distances and directions a frame. */
function drawGrid(bounds: LatLngBounds) {
  const padded = bounds.pad(2);
  const span = Math.max(padded.getNorth() - padded.getSouth(), padded.getEast() - padded.getWest());
  const step = STEPS.find((s) => span / s <= 24) ?? 1;
  const lines: [number, number][][] = [];
  for (let lat = Math.floor(padded.getSouth() / step) * step; lat <= padded.getNorth(); lat += step) {
    lines.push([
      [lat, padded.getWest()],
      [lat, padded.getEast()],
    ]);
  }
  for (let lng = Math.floor(padded.getWest() / step) * step; lng <= padded.getEast(); lng += step) {
    lines.push([
      [padded.getSouth(), lng],
      [padded.getNorth(), lng],
    ]);
  }
  return polyline(lines, { className: 'finder-map-grid', interactive: false });
}

/**
 * The results of the finder's current page on a map. The list stays the way to use the finder:
 * the map repeats it for sighted mouse and touch users, so it is hidden from assistive technology
 * and holds nothing to focus. Without a tile server nothing leaves the browser: the markers stand
 * on a plain grid.
 */
export default function ResultsMap({ results, near }: { results: SearchResult[]; near: Point | null }) {
  const t = useT();
  const [, navigate] = useLocation();
  const element = useRef<HTMLDivElement>(null);
  const config = useResource<{ tileUrl: string | null }>('/api/directory/map-config');
  const tileUrl = config.data?.tileUrl ?? null;
  const placed = useMemo(
    () => results.flatMap((r) => (r.location ? [{ r, at: r.location }] : [])),
    [results],
  );
  // Wouter may hand out a new navigate per render; the map should not be rebuilt for that.
  const go = useRef(navigate);
  go.current = navigate;

  useEffect(() => {
    const el = element.current;
    if (!el || config.loading || placed.length === 0) return;
    const map = createMap(el, {
      attributionControl: false,
      zoomControl: false,
      keyboard: false,
      scrollWheelZoom: false,
    });
    const points = placed.map(({ at }) => [at.latitude, at.longitude] as [number, number]);
    const bounds = latLngBounds(near ? [...points, [near.lat, near.lng]] : points);
    if (tileUrl) tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
    else drawGrid(bounds).addTo(map);
    if (near)
      circle([near.lat, near.lng], { radius: 150, className: 'finder-map-near', interactive: false }).addTo(
        map,
      );
    for (const { r, at } of placed) {
      marker([at.latitude, at.longitude], {
        icon: divIcon({ className: 'finder-marker', iconSize: [18, 18] }),
        title: r.name,
        keyboard: false,
      })
        .on('click', () => go.current(`/vinden/${r.id}`))
        .addTo(map);
    }
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    return () => {
      map.remove();
    };
  }, [placed, near, tileUrl, config.loading]);

  if (placed.length === 0) return null;
  return (
    <figure className="finder-map-figure">
      <div ref={element} className="finder-map" aria-hidden="true" data-testid="results-map" />
      <figcaption className="finder-map-caption">
        {t('directoryMap.dots')}
        {near ? ` ${t('directoryMap.near')}` : ''}
        {tileUrl ? ` ${t('directoryMap.tiles', { host: new URL(tileUrl.replace(/[{}]/g, '')).host })}` : ''}
      </figcaption>
    </figure>
  );
}
