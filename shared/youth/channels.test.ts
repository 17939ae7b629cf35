import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelRefusal,
  directReaders,
  mentoringReaders,
  privateWordReaders,
  type Reader,
} from './channels.ts';

// The no-private-channel rule over random people, and over every way a message travels: a
// minor is never alone in writing with one adult of the program, whatever the path.

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const adult = ids.map((id): Reader => ({ id: `staff-${id}`, minor: false, staff: true }));
const minor = ids.map((id): Reader => ({ id: `young-${id}`, minor: true, staff: false }));
const guardian = ids.map((id): Reader => ({ id: `guardian-${id}`, minor: false, staff: false }));
const anyone = fc.oneof(adult, minor, guardian);

/** The rule read plainly: a minor reads, so two different adults of the program must too. */
function plainlyAllowed(readers: Reader[]): boolean {
  const hasMinor = readers.some((reader) => reader.minor);
  const staff = new Set(readers.filter((reader) => reader.staff).map((reader) => reader.id));
  return !hasMinor || staff.size >= 2;
}

describe('no private channel between an adult and a minor', () => {
  it('allows a channel with a minor only when two different adults of the program read it', () => {
    fc.assert(
      fc.property(fc.array(anyone, { maxLength: 8 }), (readers) => {
        expect(channelRefusal(readers) === null).toBe(plainlyAllowed(readers));
      }),
    );
  });

  it('never lets one person write to a minor alone', () => {
    fc.assert(
      fc.property(anyone, minor, (from, to) => {
        expect(channelRefusal(directReaders(from, to))).toBe('alone_with_minor');
        expect(channelRefusal(directReaders(to, from))).toBe('alone_with_minor');
      }),
    );
    expect(
      channelRefusal(
        directReaders(
          { id: 'staff-a', minor: false, staff: true },
          { id: 'staff-b', minor: false, staff: true },
        ),
      ),
    ).toBeNull();
  });

  it('lets a mentoring pair write only while a coordinator other than the mentor reads along', () => {
    fc.assert(
      fc.property(
        adult,
        minor,
        fc.array(adult, { maxLength: 3 }),
        fc.option(guardian, { nil: null }),
        (mentor, youngPerson, coordinators, parent) => {
          const readers = mentoringReaders({ mentor, youngPerson, coordinators, guardian: parent });
          const watched = coordinators.some((coordinator) => coordinator.id !== mentor.id);
          expect(channelRefusal(readers) === null).toBe(watched);
          expect(readers).toContainEqual(youngPerson);
          if (parent) expect(readers).toContainEqual(parent);
        },
      ),
    );
  });

  it('sends a young person’s private word in a circle to two keepers, or not at all', () => {
    fc.assert(
      fc.property(
        minor,
        fc.uniqueArray(adult, { maxLength: 3, selector: (r) => r.id }),
        (asker, keepers) => {
          const refusal = channelRefusal(privateWordReaders(asker, keepers));
          expect(refusal === null).toBe(keepers.length >= 2);
        },
      ),
    );
  });

  it('keeps a channel allowed as adults join it, and never counts a guardian as staff', () => {
    fc.assert(
      fc.property(
        fc.array(anyone, { maxLength: 6 }),
        fc.array(fc.oneof(adult, guardian), { maxLength: 3 }),
        fc.array(guardian, { maxLength: 3 }),
        (readers, more, parents) => {
          if (channelRefusal(readers) === null) {
            // Adults added to an allowed channel, as watchers, keep it allowed.
            expect(channelRefusal([...readers, ...more])).toBeNull();
          } else {
            expect(channelRefusal([...readers, ...parents])).toBe('alone_with_minor');
          }
        },
      ),
    );
  });
});
