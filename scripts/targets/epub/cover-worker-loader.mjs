// Starts the cover worker from the TypeScript sources (tests, `FOLIO_RUN_SOURCES`): a worker
// does not inherit the loader of the thread that starts it. The compiled copy runs without it.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
