-- The account's private preferences (app.bsky.actor.getPreferences / putPreferences), one row per
-- preference object as the client sent it; id keeps the client's order.
CREATE TABLE account_pref (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    value_json TEXT NOT NULL
);
