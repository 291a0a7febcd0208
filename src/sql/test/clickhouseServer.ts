// A real ClickHouse server for the tests: the server binary with a config in a temporary directory, free local
// ports, removed after. Debian's package is ClickHouse 18.16 (2018); a newer server works the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgresServer.ts';

export interface ClickHouseServer {
  readonly url: string;
  /** The server's own `version()`, e.g. "18.16.1". */
  readonly version: string;
  stop(): void;
}

/** The server binary: $CLICKHOUSE_SERVER, else Debian's /usr/sbin/clickhouse-server (apt-get install clickhouse-server). */
export function findClickHouseServer(): string | undefined {
  const candidates = [
    process.env['CLICKHOUSE_SERVER'],
    '/usr/sbin/clickhouse-server',
    '/usr/bin/clickhouse-server',
  ];
  return candidates.find((path) => path !== undefined && existsSync(path));
}

/** The fewest settings a server starts with: its ports, its directories, and a password-less local user. */
function config(dir: string, httpPort: number, tcpPort: number): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/server.err.log</errorlog></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <mark_cache_size>5368709120</mark_cache_size>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <profiles><default></default></profiles>
  <quotas><default></default></quotas>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
</yandex>
`;
}

/** Starts a throwaway server and waits until it answers /ping. */
export async function startClickHouse(binary: string): Promise<ClickHouseServer> {
  const dir = mkdtempSync(join(tmpdir(), 'idmerge-ch-'));
  const [httpPort, tcpPort] = [await freePort(), await freePort()];
  const file = join(dir, 'config.xml');
  writeFileSync(file, config(dir, httpPort, tcpPort));
  const child = spawn(binary, [`--config-file=${file}`], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${httpPort}`;
  const stop = () => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const version = await waitForServer(url, child);
    return { url, version, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

async function waitForServer(url: string, child: ChildProcess): Promise<string> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/?query=${encodeURIComponent('SELECT version()')}`);
      if (response.ok) return (await response.text()).trim();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('clickhouse-server did not answer within 30 s');
}

/** Whether `version` ("18.16.1", "24.8.4.13") is at least `major`. */
export function atLeast(version: string, major: number): boolean {
  return Number(version.split('.')[0]) >= major;
}
