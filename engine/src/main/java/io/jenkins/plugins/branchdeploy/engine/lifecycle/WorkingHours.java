package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When environments should run, e.g. {@code Mon-Fri 08:00-19:00 Europe/Berlin}: days (ranges such as
 * {@code Mon-Fri} or {@code Sun-Thu}, or lists such as {@code Mon,Wed,Fri}), a start and end time
 * ({@code 24:00} is the end of the day; the hours do not cross midnight) and a time zone, so that
 * daylight saving time moves the hours with the clock on the wall.
 */
public final class WorkingHours {

    private static final String FIELD = "working-hours";
    private static final String EXAMPLE = "e.g. Mon-Fri 08:00-19:00 Europe/Berlin";
    private static final Pattern SCHEDULE = Pattern.compile("(\\S+)\\s+(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})\\s+(\\S+)");
    private static final Pattern DAY_RANGE = Pattern.compile("([A-Za-z]{3})(?:-([A-Za-z]{3}))?");
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final Set<DayOfWeek> days;
    private final int startMinute;
    private final int endMinute;
    private final ZoneId zone;
    private final String text;

    private WorkingHours(Set<DayOfWeek> days, int startMinute, int endMinute, ZoneId zone, String text) {
        this.days = days;
        this.startMinute = startMinute;
        this.endMinute = endMinute;
        this.zone = zone;
        this.text = text;
    }

    public static WorkingHours parse(String schedule) {
        Matcher m = SCHEDULE.matcher(schedule == null ? "" : schedule.trim());
        if (!m.matches()) {
            throw new InvalidInputException(FIELD, "'" + schedule + "' is not DAYS HH:MM-HH:MM ZONE; " + EXAMPLE);
        }
        Set<DayOfWeek> days = days(m.group(1));
        int start = minuteOfDay(m.group(2), m.group(3));
        int end = minuteOfDay(m.group(4), m.group(5));
        if (end <= start) {
            throw new InvalidInputException(FIELD, "'" + schedule
                    + "' ends before it starts; working hours cannot cross midnight, " + EXAMPLE);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(m.group(6));
        } catch (DateTimeException e) {
            throw new InvalidInputException(FIELD, "'" + m.group(6) + "' is not a time zone; use a region id such as Europe/Berlin or UTC");
        }
        return new WorkingHours(days, start, end, zone, schedule.trim().replaceAll("\\s+", " "));
    }

    /** Whether {@code instant} falls inside the working hours, on the wall clock of the time zone. */
    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        return days.contains(local.getDayOfWeek()) && minute >= startMinute && minute < endMinute;
    }

    /** The schedule as written (whitespace normalised), e.g. {@code Mon-Fri 08:00-19:00 Europe/Berlin}. */
    @Override
    public String toString() {
        return text;
    }

    private static Set<DayOfWeek> days(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : list.split(",", -1)) {
            Matcher m = DAY_RANGE.matcher(part);
            if (!m.matches()) {
                throw new InvalidInputException(FIELD, "'" + part + "' is not a day or day range; use Mon..Sun, e.g. Mon-Fri or Mon,Wed,Fri");
            }
            DayOfWeek from = day(m.group(1));
            DayOfWeek to = m.group(2) == null ? from : day(m.group(2));
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        String wanted = abbreviation.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                return d;
            }
        }
        throw new InvalidInputException(FIELD, "'" + abbreviation + "' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    }

    private static int minuteOfDay(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        int minute = h * 60 + m;
        if (m > 59 || minute > MINUTES_PER_DAY) {
            throw new InvalidInputException(FIELD, "'" + hours + ":" + minutes + "' is not a time of day; use 00:00 to 24:00");
        }
        return minute;
    }
}
