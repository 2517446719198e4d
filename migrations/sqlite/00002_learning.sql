-- +goose Up
-- Course content lives in files; these rows mirror it (keyed by stable ids) so
-- progress, attempts and history can refer to items. Removed items are kept.
CREATE TABLE courses (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    hours         INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),
    content_hash  TEXT NOT NULL,
    synced_at     TIMESTAMP NOT NULL,
    removed_at    TIMESTAMP
);

CREATE TABLE course_items (
    course_id     TEXT NOT NULL REFERENCES courses (id),
    item_id       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('lesson', 'quiz', 'practice')),
    title         TEXT NOT NULL,
    module_id     TEXT NOT NULL,
    position      INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    synced_at     TIMESTAMP NOT NULL,
    removed_at    TIMESTAMP,
    PRIMARY KEY (course_id, item_id)
);

CREATE TABLE cohorts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id   INTEGER NOT NULL REFERENCES regions (id),
    course_id   TEXT NOT NULL REFERENCES courses (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    CHECK (ends_on >= starts_on),
    UNIQUE (region_id, name)
);

CREATE TABLE cohort_facilitators (
    cohort_id  INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_facilitators_user_idx ON cohort_facilitators (user_id);

CREATE TABLE enrollments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    status      TEXT NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'selesai', 'keluar')),
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (cohort_id, user_id)
);
CREATE INDEX enrollments_user_idx ON enrollments (user_id);

CREATE TABLE progress (
    enrollment_id  INTEGER NOT NULL REFERENCES enrollments (id),
    course_id      TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('sedang', 'selesai', 'lulus')),
    content_hash   TEXT NOT NULL,
    started_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (enrollment_id, item_id),
    FOREIGN KEY (course_id, item_id) REFERENCES course_items (course_id, item_id)
);

CREATE TABLE quiz_attempts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    enrollment_id  INTEGER NOT NULL REFERENCES enrollments (id),
    course_id      TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    answers_json   TEXT NOT NULL,
    correct        INTEGER NOT NULL CHECK (correct >= 0),
    total          INTEGER NOT NULL CHECK (total > 0 AND correct <= total),
    score          INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    pass_score     INTEGER NOT NULL CHECK (pass_score BETWEEN 1 AND 100),
    passed         BOOLEAN NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    FOREIGN KEY (course_id, item_id) REFERENCES course_items (course_id, item_id)
);
CREATE INDEX quiz_attempts_enrollment_idx ON quiz_attempts (enrollment_id, item_id);

CREATE TABLE live_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cohort_id   INTEGER NOT NULL REFERENCES cohorts (id),
    topic       TEXT NOT NULL CHECK (length(topic) BETWEEN 3 AND 300),
    starts_at   TIMESTAMP NOT NULL,
    ends_at     TIMESTAMP NOT NULL,
    place       TEXT NOT NULL,
    speaker     TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX live_sessions_cohort_idx ON live_sessions (cohort_id, starts_at);

CREATE TABLE attendance (
    session_id  INTEGER NOT NULL REFERENCES live_sessions (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    status      TEXT NOT NULL CHECK (status IN ('hadir', 'izin', 'tidak_hadir')),
    marked_by   INTEGER REFERENCES users (id),
    marked_at   TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX attendance_user_idx ON attendance (user_id);

-- +goose Down
DROP TABLE attendance;
DROP TABLE live_sessions;
DROP TABLE quiz_attempts;
DROP TABLE progress;
DROP TABLE enrollments;
DROP TABLE cohort_facilitators;
DROP TABLE cohorts;
DROP TABLE course_items;
DROP TABLE courses;
