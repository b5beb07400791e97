/** The report page's script: registers `<was-this-helpful-report>` (tolerating a second run). */
import { ReportPageElement } from './report-page-element.js';

if (!customElements.get('was-this-helpful-report')) customElements.define('was-this-helpful-report', ReportPageElement);

declare global {
  interface HTMLElementTagNameMap {
    'was-this-helpful-report': ReportPageElement;
  }
}
