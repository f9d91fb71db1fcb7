import { backup } from '../../../../tools/backup';
import { migrate, MigrateCommand } from '../../../../tools/migrate';
import { restoreFile } from '../../../../tools/restore';

export const backupTo = async (file: string) => console.log(await backup(file));
export const restoreFrom = async (file: string) => console.log(await restoreFile(file));
export const migrateTask = (command: MigrateCommand, name?: string) => migrate(command, name);
