import { createContext } from 'preact';

/** Whose timeline is shown: "Follow up on this" files the follow-up under that person. */
export const TimelineOwner = createContext<string | undefined>(undefined);
