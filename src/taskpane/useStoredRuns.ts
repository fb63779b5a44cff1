import { useCallback, useEffect, useState } from "react";
import type { SharingOptions } from "./flow/monitoring";
import type { StoredRuns } from "./flow/runStore";
import { problemOf } from "./flow/problems";
import type { StoreSession } from "./flow/storeSession";

/**
 * What the workbook remembers (its analyses, their kept runs) and the monitoring and sharing options, read when the
 * pane opens. The reading code (zod, the snapshot codec) is fetched then, so the pane's first paint does not wait
 * for it. Null until read; `saved` takes what a run left in the store.
 */
export function useStoredRuns(store: StoreSession) {
  const [stored, setStored] = useState<StoredRuns | null>(null);
  const [options, setOptions] = useState<SharingOptions | null>(null);

  useEffect(() => {
    let current = true;
    void import(/* webpackChunkName: "sharing" */ "./flow/monitoring")
      .then(({ openStoredRuns }) => openStoredRuns(store))
      .then((opened) => {
        if (!current) return;
        setStored(opened.stored);
        setOptions(opened.options);
      });
    return () => {
      current = false;
    };
  }, [store]);

  /** Removes an analysis and everything it wrote (the user has agreed); a failure is reported, not thrown. */
  const remove = useCallback(
    async (id: string) => {
      if (!stored) return null;
      try {
        const { removeAnalysis } = await import("./flow/runStore");
        setStored(await removeAnalysis(store, stored, id));
        return null;
      } catch (error) {
        return problemOf(error);
      }
    },
    [store, stored]
  );

  return { stored, options, setOptions, saved: setStored, remove };
}
