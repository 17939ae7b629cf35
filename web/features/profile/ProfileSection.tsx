import type { ReactNode } from 'react';
import './profile.css';

/** One part of the account page: a region named by its heading, so it can be found by name. */
export function ProfileSection({
  id,
  heading,
  children,
}: {
  /** The heading's id, e.g. "profile-passkeys". */
  id: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section className="profile__section" aria-labelledby={id}>
      <h2 id={id} className="profile__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}
