import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveBlob } from './download';

/** A button that fetches a file behind sign-in and saves it; the API's problem shows beside it. */
export function DownloadButton({
  label,
  fileName,
  fetchFile,
}: {
  label: string;
  fileName: string;
  fetchFile: () => Promise<Blob>;
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
  return (
    <>
      <Button appearance="secondary-action-button" busy={busy} onClick={() => void download()}>
        {label}
      </Button>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </>
  );
}
