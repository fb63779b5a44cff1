import { useCallback, useEffect, useState } from "react";
import type { SegmentationConfig } from "./flow/storedConfig";
import type { RunSnapshot } from "../core/sharing/snapshot";
import { WorkbookPort } from "../core/workbook/workbookPort";
import type { SharingOptions } from "./flow/monitoring";
import type { StoredRuns } from "./flow/runStore";

/**
 * What the workbook remembers (the last configuration, the kept runs) and the monitoring and sharing options, read
 * when the pane opens. The reading code (zod, the snapshot codec) is fetched then, so the pane's first paint does
 * not wait for it. Null until read.
 */
export function useStoredRuns(workbook: WorkbookPort) {
  const [stored, setStored] = useState<StoredRuns | null>(null);
  const [options, setOptions] = useState<SharingOptions | null>(null);

  useEffect(() => {
    let current = true;
    void import(/* webpackChunkName: "sharing" */ "./flow/monitoring")
      .then(({ openStoredRuns }) => openStoredRuns(workbook))
      .then((opened) => {
        if (!current) return;
        setStored(opened.stored);
        setOptions(opened.options);
      });
    return () => {
      current = false;
    };
  }, [workbook]);

  const saved = useCallback(
    (config: SegmentationConfig, runs: RunSnapshot[]) =>
      setStored({ config: { ok: true, config }, runs, problems: [] }),
    []
  );

  return { stored, options, setOptions, saved };
}
