// `was-this-helpful-widget/define`: registers `<was-this-helpful>`, and nothing else.
import { WasThisHelpfulElement } from './element/was-this-helpful-element.js';

// Tolerates a second copy of the script on the page (a theme and a plugin both adding it, say).
if (!customElements.get('was-this-helpful')) customElements.define('was-this-helpful', WasThisHelpfulElement);

declare global {
  interface HTMLElementTagNameMap {
    'was-this-helpful': WasThisHelpfulElement;
  }
}
