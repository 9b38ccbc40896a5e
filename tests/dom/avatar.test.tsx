import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Avatar, avatarHue, initials } from '../../components/shared/Avatar';

describe('avatar initials', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH');
    expect(initials('élodie durand')).toBe('ÉD');
  });
  it('uses two characters of a single word or of an address before the @', () => {
    expect(initials('Charles')).toBe('CH');
    expect(initials('ada.lovelace@example.com')).toBe('AL');
    expect(initials('tips@example.com')).toBe('TI');
  });
  it('falls back to a question mark when nothing is a letter or digit', () => {
    expect(initials('')).toBe('?');
    expect(initials('— ·')).toBe('?');
  });
});

describe('Avatar', () => {
  it('keeps one hue per id and hides itself from assistive technology', () => {
    expect(avatarHue('contact-1')).toBe(avatarHue('contact-1'));
    expect(avatarHue('contact-1')).not.toBe(avatarHue('contact-2'));
    const host = document.createElement('div');
    render(<Avatar id="contact-1" name="Ada Lovelace" />, host);
    const badge = host.querySelector('.avatar')!;
    expect(badge.textContent).toBe('AL');
    expect(badge.getAttribute('aria-hidden')).toBe('true');
    expect((badge as HTMLElement).style.getPropertyValue('--avatar-hue')).toBe(String(avatarHue('contact-1')));
  });
});
