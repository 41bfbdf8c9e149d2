import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface TestCertificate {
  /** PEM private key. */
  key: string;
  /** PEM self-signed certificate. */
  cert: string;
  /** Temporary directory that contains key.pem and cert.pem. */
  dir: string;
  remove(): Promise<void>;
}

/**
 * Creates a throwaway self-signed certificate for the given host names with the `openssl`
 * command line. Chromium still needs `--ignore-certificate-errors` to accept it, because no
 * trust store contains it.
 */
export async function createTestCertificate(hostnames: readonly string[]): Promise<TestCertificate> {
  const [commonName] = hostnames;
  if (commonName === undefined) {
    throw new Error('createTestCertificate needs at least one host name.');
  }

  const dir = await mkdtemp(join(tmpdir(), 'sequel-finder-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const subjectAltName = hostnames.map((name) => `DNS:${name}`).join(',');

  try {
    await execFileAsync('openssl', [
      'req', '-x509', '-nodes',
      '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-days', '2',
      '-subj', `/CN=${commonName}`,
      '-addext', `subjectAltName=${subjectAltName}`,
      '-keyout', keyPath,
      '-out', certPath,
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `Creating the test certificate with openssl failed (is openssl installed and on PATH?): ${String(error)}`,
    );
  }

  return {
    key: await readFile(keyPath, 'utf8'),
    cert: await readFile(certPath, 'utf8'),
    dir,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
