// The weekly posting times: a column per weekday (a row on a phone), every time its own
// field named by the server's path ("activity_schedule.posting_times.monday[1]"), so an
// error lands beside that time. The times are wall-clock times in the persona's zone.
import { ClockInZone, Field, type FormState } from "../../components";
import { isValidZone } from "../../lib/time";
import { maxTimesPerDay, nextTime, timeField, timesOf, weekdays, withTimes, type Values, type Weekday } from "./persona-form";

const dayNames: Record<Weekday, string> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};

function focusLater(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export function ScheduleGrid({ form, zone }: { form: FormState<Values>; zone: string }) {
  const values = form.values.value;
  const total = weekdays.reduce((n, day) => n + timesOf(values, day).length, 0);

  const add = (day: Weekday) => {
    const times = timesOf(form.values.value, day);
    form.values.value = withTimes(form.values.value, day, [...times, nextTime(times)]);
    focusLater(`[name="${timeField(day, times.length)}"]`);
  };

  const remove = (day: Weekday, index: number) => {
    const times = timesOf(form.values.value, day);
    times.splice(index, 1);
    form.values.value = withTimes(form.values.value, day, times);
    // The day's fields are numbered afresh: their old errors no longer point at them.
    const prefix = `activity_schedule.posting_times.${day}[`;
    form.errors.value = new Map([...form.errors.value].filter(([field]) => !field.startsWith(prefix)));
    focusLater(index < times.length ? `[name="${timeField(day, index)}"]` : `#schedule-add-${day}`);
  };

  const validZone = isValidZone(zone);
  return (
    <div class="schedule">
      <p class="schedule-zone">
        Times in <strong>{zone || "no time zone"}</strong>
        {validZone ? (
          <>
            {" "}
            · now <ClockInZone zone={zone} />
          </>
        ) : null}
        {" "}
        · {total === 0 ? "no posting times yet" : total === 1 ? "1 posting time a week" : `${total} posting times a week`}
      </p>
      <div class="schedule-grid">
        {weekdays.map((day) => {
          const times = timesOf(values, day);
          const name = dayNames[day];
          return (
            <div key={day} class="schedule-day" role="group" aria-labelledby={`schedule-day-${day}`}>
              <h3 id={`schedule-day-${day}`}>{name}</h3>
              <div class="schedule-slots">
                {times.length > 0 ? (
                  <ul class="schedule-times">
                    {times.map((t, i) => (
                      <li key={i}>
                        <Field
                          form={form}
                          name={timeField(day, i)}
                          type="time"
                          label={<span class="persona-sr">{`${name} posting time ${i + 1}`}</span>}
                        />
                        <button
                          type="button"
                          class="schedule-remove"
                          aria-label={`Remove ${name} ${t || `time ${i + 1}`}`}
                          onClick={() => remove(day, i)}
                        >
                          ×
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="schedule-none">No posts</p>
                )}
                <button
                  type="button"
                  id={`schedule-add-${day}`}
                  class="schedule-add"
                  aria-label={`Add time on ${name}`}
                  disabled={times.length >= maxTimesPerDay}
                  onClick={() => add(day)}
                >
                  + Add time
                </button>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
