/**
 * Words pages put around a person's name on a mail link ("Email Jane Roe in email client",
 * "Send an email to Jane", "By Jane Roe"), as data: the name is what is left when they are
 * removed. English, then German, French and Spanish where a word or two covers them. Written as
 * anchored alternations (linear to match, and a fraction of the bytes of word lists: the generic
 * reader's bundle has an 8 KB budget).
 */

/** Phrases before a name in a mail link's label or title. */
export const LABEL_PREFIX =
  /^(?:send (?:an? )?(?:e-?mail|mail|message) to|e-?mail(?: to| an)?|mail(?: to| an)?|write to|contact(?:er)?|message|kontakt|schreiben an|envoyer un (?:e-mail|courriel) à|écrire à|courriel|enviar (?:un )?correo a|escribir a|contactar(?: a)?|correo)(?: |$)/i;

/** Phrases after a name in a mail link's label or title. */
export const LABEL_SUFFIX = /(?:^| )(?:in (?:your )?e-?mail client|(?:by|via|per|par|por) (?:e-?mail|courriel|correo))$/i;

/** Words before a name in a byline. */
export const BYLINE_PREFIX = /^(?:(?:written )?by|von|par|por) /i;

/**
 * Words no person's name is made of, in any of the languages above: a link text or label with
 * one of them is a call to action or a sentence ("Let us know", "Email us", "Contact the team").
 * A team's own name ("News Desk", "Press Office") is left alone: it labels a team's mailbox.
 */
export const NOT_NAME_WORDS = new Set(
  (
    'email e-mail mail contact write send message click here us we our you your me my the a an to at for of in ' +
    'on with this that know let get touch reach out ask more about uns hier kontakt nous ici courriel aquí correo'
  ).split(' '),
);
