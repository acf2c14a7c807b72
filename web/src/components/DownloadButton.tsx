import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { saveBlob } from '../lib/save-blob';
import { ErrorMessage } from './ErrorMessage';

/**
 * A button that fetches a file behind sign-in (a PDF, an export) and saves it; the API's
 * problem shows beside it. With `className`, the two sit in a block of that class.
 */
export function DownloadButton({
  label,
  fileName,
  fetchFile,
  className,
}: {
  label: string;
  fileName: string;
  fetchFile: () => Promise<Blob>;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  async function download() {
    setFailure(undefined);
    setBusy(true);
    try {
      saveBlob(await fetchFile(), fileName);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  const content = (
    <>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void download()}>
        {label}
      </Button>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </>
  );
  return className ? <div className={className}>{content}</div> : content;
}
