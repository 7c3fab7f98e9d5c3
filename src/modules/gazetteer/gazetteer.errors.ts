import { AppError } from '../../platform/errors.ts';
import type { GazetteerFileProblem } from './gazetteer.models.ts';

export const unknownPostcode = (postcode: string) =>
  new AppError('gazetteer.unknown_postcode', 404, { postcode });

export const unknownMunicipality = (nisCode: string) =>
  new AppError('gazetteer.unknown_municipality', 404, { nisCode });

/** A gazetteer file that was refused as a whole; `problems` lists every line at fault. */
export class GazetteerFileError extends AppError {
  constructor(
    readonly problems: GazetteerFileProblem[],
    readonly file?: string,
  ) {
    super(
      'gazetteer.invalid_file',
      400,
      { count: problems.length, file: file ?? '' },
      problems.map((p) => ({
        field: [p.line === null ? null : `line ${p.line}`, p.column].filter(Boolean).join(': ') || 'file',
        code: p.code,
        params: p.params,
      })),
    );
  }
}
