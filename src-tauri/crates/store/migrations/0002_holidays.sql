-- Non-working public holidays (Трудовой кодекс, ст. 112), one row a day, editable each year:
-- the government's yearly transfers are added or removed by the user.
CREATE TABLE holiday (
    date TEXT PRIMARY KEY CHECK (date(date) IS date),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0)
) STRICT;

WITH RECURSIVE years(y) AS (SELECT 2020 UNION ALL SELECT y + 1 FROM years WHERE y < 2035),
fixed(md, name) AS (VALUES
    ('01-01', 'Новогодние каникулы'), ('01-02', 'Новогодние каникулы'), ('01-03', 'Новогодние каникулы'),
    ('01-04', 'Новогодние каникулы'), ('01-05', 'Новогодние каникулы'), ('01-06', 'Новогодние каникулы'),
    ('01-07', 'Рождество Христово'), ('01-08', 'Новогодние каникулы'),
    ('02-23', 'День защитника Отечества'), ('03-08', 'Международный женский день'),
    ('05-01', 'Праздник Весны и Труда'), ('05-09', 'День Победы'), ('06-12', 'День России'),
    ('11-04', 'День народного единства'))
INSERT INTO holiday (date, name) SELECT printf('%04d-%s', y, md), name FROM years, fixed;
