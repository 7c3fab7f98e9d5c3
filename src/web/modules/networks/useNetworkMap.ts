import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { NetworkMapDocument } from '../../../contracts/networks.ts';
import { type ApiError, api, asApiError } from '../../api.ts';
import { findProblems } from './mapProblems.ts';
import { type NetworkMapView, networkPaths, saveMap } from './networkApi.ts';

export interface SavedState {
  document: NetworkMapDocument;
  version: number;
  updatedAt: string | null;
  updatedBy: NetworkMapView['updatedBy'];
}

/**
 * The map being edited: what the server holds (`saved`), the worker's working copy (`draft`),
 * and the conflict when someone else saved in between. Nothing is thrown away without the
 * worker choosing so: a conflict keeps both versions until they pick one.
 */
export function useNetworkMap(clientId: string) {
  const paths = networkPaths(clientId);
  const [saved, setSaved] = useState<SavedState | null>(null);
  const [draft, setDraft] = useState<NetworkMapDocument | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<NetworkMapView | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    const controller = new AbortController();
    setLoadError(null);
    api.get<NetworkMapView>(paths.map, { signal: controller.signal }).then(
      (view) => {
        setSaved(view);
        setDraft(view.document);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setLoadError(asApiError(e));
      },
    );
    return () => controller.abort();
  }, [paths.map, generation]);

  const dirty = useMemo(
    () => saved !== null && draft !== null && JSON.stringify(saved.document) !== JSON.stringify(draft),
    [saved, draft],
  );
  const problems = useMemo(() => findProblems(draft ?? emptyDoc), [draft]);

  const latestDraft = useRef(draft);
  latestDraft.current = draft;

  const store = useCallback(
    async (version: number) => {
      const document = latestDraft.current;
      if (!document) return;
      setSaving(true);
      setSaveError(null);
      try {
        const result = await saveMap(clientId, document, version);
        if (result.kind === 'saved') {
          setSaved({ document, version: result.version, updatedAt: result.updatedAt, updatedBy: null });
          setConflict(null);
          setShowProblems(false);
        } else setConflict(result.current);
      } catch (e) {
        setSaveError(asApiError(e));
      } finally {
        setSaving(false);
      }
    },
    [clientId],
  );

  /** Saves the working copy, unless it still has problems: those are shown first. */
  const save = useCallback(async () => {
    if (!saved) return;
    if (problems.all.length > 0) {
      setShowProblems(true);
      return;
    }
    await store(saved.version);
  }, [saved, problems, store]);

  /** The conflict: my working copy replaces theirs, knowingly, from their version. */
  const keepMine = useCallback(async () => {
    if (conflict) await store(conflict.version);
  }, [conflict, store]);

  /** The conflict: their map replaces my working copy. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    setSaved(conflict);
    setDraft(conflict.document);
    setConflict(null);
  }, [conflict]);

  return {
    saved,
    draft,
    setDraft,
    dirty,
    problems,
    showProblems,
    loadError,
    reload: () => setGeneration((g) => g + 1),
    saving,
    saveError,
    save,
    conflict,
    keepMine,
    takeTheirs,
  };
}

const emptyDoc: NetworkMapDocument = {
  ecogram: { members: [], ties: [] },
  genogram: { people: [], partnerships: [], parentage: [], bonds: [] },
  strengths: { cards: [] },
};

/**
 * Warns before unsaved changes are lost: the browser's own question when the tab closes or
 * reloads, and a confirm when a link inside the app is followed.
 */
export function useLeaveWarning(active: boolean, message: string) {
  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
    };
    // Capture phase: runs before the router's own click handler, which then never sees the click.
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download'))
        return;
      if (link.origin !== location.origin || link.pathname === location.pathname) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [active, message]);
}
