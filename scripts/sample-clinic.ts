// `npm run sample`: fills a data folder with the sample clinic (FETTLE_DATA_DIR, else the app's own folder).
import { openDatabase } from '../electron/db/database';
import { defaultUserDataDir, resolveDataDir } from '../electron/main/paths';
import { systemClock } from '../electron/services/context';
import { fillSampleClinic } from './sample/clinic';

const dataDir = resolveDataDir(process.env, defaultUserDataDir());
const db = openDatabase(dataDir);
try {
  const existing = (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n;
  if (existing > 0) {
    console.error(`${dataDir} already holds ${existing} clients; the sample clinic only fills an empty data folder. Point FETTLE_DATA_DIR at a new folder.`);
    process.exitCode = 1;
  } else {
    const summary = fillSampleClinic({ db, ...systemClock() });
    console.log(`Sample clinic written to ${dataDir}:`, summary);
  }
} finally {
  db.close();
}
