import { elementsIn } from '../shared/mail-people';
import { gmailSelectors as sel } from './selectors';

/**
 * `elementsIn` without the elements inside what people wrote (a message body, a reply's quoted
 * text): a sender's HTML can copy Gmail's markup for people, rows, chips and cards.
 */
export function gmailElementsIn(root: ParentNode, selector: string): Element[] {
  return elementsIn(root, selector).filter((element) => !element.closest(sel.notPeople));
}
