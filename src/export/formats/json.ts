import type { ReportFormat } from '../report.model';

/** The complete report, as the model holds it for the audience. */
export const jsonFormat: ReportFormat = {
  name: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
