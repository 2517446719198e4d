-- +goose Up
-- One submission per trainee and practice item; every sent text is a version
-- with its automatic report; reviews record facilitators' decisions.
CREATE TABLE submissions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    enrollment_id      INTEGER NOT NULL REFERENCES enrollments (id),
    user_id            INTEGER NOT NULL REFERENCES users (id),
    course_id          TEXT NOT NULL,
    item_id            TEXT NOT NULL,
    state              TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'in_review', 'returned', 'approved', 'rejected')),
    lock_version       INTEGER NOT NULL DEFAULT 1,
    draft_headline     TEXT NOT NULL DEFAULT '',
    draft_body         TEXT NOT NULL DEFAULT '',
    draft_saved_at     TIMESTAMP,
    versions           INTEGER NOT NULL DEFAULT 0 CHECK (versions >= 0),
    submitted_at       TIMESTAMP,
    decided_at         TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    UNIQUE (enrollment_id, item_id),
    FOREIGN KEY (course_id, item_id) REFERENCES course_items (course_id, item_id)
);
CREATE INDEX submissions_queue_idx ON submissions (state, submitted_at);
CREATE INDEX submissions_user_idx ON submissions (user_id);

CREATE TABLE submission_versions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id   INTEGER NOT NULL REFERENCES submissions (id),
    number          INTEGER NOT NULL CHECK (number >= 1),
    headline        TEXT NOT NULL,
    body            TEXT NOT NULL,
    report_json     TEXT NOT NULL,
    grader_version  TEXT NOT NULL,
    auto_score      INTEGER NOT NULL CHECK (auto_score BETWEEN 0 AND 100),
    final_score     INTEGER CHECK (final_score BETWEEN 0 AND 100),
    submit_key      TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (submission_id, number),
    UNIQUE (submission_id, submit_key)
);
CREATE INDEX submission_versions_created_idx ON submission_versions (created_at);

CREATE TABLE reviews (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id       INTEGER NOT NULL REFERENCES submission_versions (id),
    reviewer_id      INTEGER NOT NULL REFERENCES users (id),
    decision         TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'rejected')),
    general_comment  TEXT NOT NULL DEFAULT '',
    final_score      INTEGER NOT NULL CHECK (final_score BETWEEN 0 AND 100),
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (version_id)
);

CREATE TABLE review_scores (
    review_id    INTEGER NOT NULL REFERENCES reviews (id),
    criterion    TEXT NOT NULL CHECK (criterion IN ('5w1h', 'aktual', 'faktual', 'penting', 'menarik', 'struktur', 'bahasa')),
    auto_score   INTEGER NOT NULL CHECK (auto_score BETWEEN 0 AND 100),
    final_score  INTEGER NOT NULL CHECK (final_score BETWEEN 0 AND 100),
    reason       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, criterion),
    CHECK (final_score = auto_score OR length(reason) > 0)
);

CREATE TABLE review_comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id   INTEGER NOT NULL REFERENCES submission_versions (id),
    reviewer_id  INTEGER NOT NULL REFERENCES users (id),
    field        TEXT NOT NULL CHECK (field IN ('judul', 'isi')),
    start_pos    INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos      INTEGER NOT NULL,
    quote        TEXT NOT NULL,
    body         TEXT NOT NULL CHECK (length(body) > 0),
    created_at   TIMESTAMP NOT NULL,
    CHECK (end_pos > start_pos)
);
CREATE INDEX review_comments_version_idx ON review_comments (version_id);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL,
    link        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    read_at     TIMESTAMP
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);

-- Text a trainee sent after their session had expired, offered back after login.
CREATE TABLE rescued_texts (
    id          TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    headline    TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE rescued_texts;
DROP TABLE notifications;
DROP TABLE review_comments;
DROP TABLE review_scores;
DROP TABLE reviews;
DROP TABLE submission_versions;
DROP TABLE submissions;
