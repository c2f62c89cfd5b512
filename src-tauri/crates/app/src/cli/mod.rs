//! The command line: the same crates as the window, headless. No subcommand opens the window.

mod json;
mod output;

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use domain::Period;
use store::Store;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::paths;

/// `--columns`: the codes listed from [`domain::Column`], so that a new column is offered here too.
fn columns_help() -> String {
    let codes: Vec<&str> = domain::Column::ALL.iter().map(|c| c.code()).collect();
    format!(
        "Столбцы дорожной карты через запятую: {} (по умолчанию — номер, содержание и те, что заполнены хотя бы у одного мероприятия)",
        codes.join(",")
    )
}

const HELP: &str = "\
{about}

Использование: {usage}

Команды:
{subcommands}

Параметры:
{options}";

const SUB_HELP: &str = "\
{about}

Использование: {usage}

Параметры:
{positionals}{options}";

/// For subcommands with a positional argument: clap ends the positionals without a line break.
const SUB_HELP_POSITIONAL: &str = "\
{about}

Использование: {usage}

Параметры:
{positionals}
{options}";

#[derive(Debug, Parser)]
#[command(
    name = "koordinator",
    about = "Координатор: дорожные карты сопровождения школ. Без команды открывает окно.",
    help_template = HELP,
    override_usage = "koordinator [--db ФАЙЛ] [--region] [--read-only] [КОМАНДА]",
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub struct Cli {
    /// Показать эту справку
    #[arg(short, long, global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,
    /// Файл данных (иначе KOORDINATOR_DB или папка данных приложения)
    #[arg(long, global = true, value_name = "ФАЙЛ")]
    pub db: Option<PathBuf>,
    /// Окно: файл данных региона (принимает пакеты районов); новый файл становится файлом региона
    #[arg(long)]
    pub region: bool,
    /// Окно: только чтение (ничего не меняется и не сохраняется)
    #[arg(long)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Загрузить демонстрационный район (Таганрог, 2022–2023) в пустой файл данных
    #[command(help_template = SUB_HELP, override_usage = "koordinator demo [--db ФАЙЛ]")]
    Demo,
    /// Список школ
    #[command(help_template = SUB_HELP, override_usage = "koordinator schools [--json] [--year ГОД] [--db ФАЙЛ]")]
    Schools {
        #[command(flatten)]
        format: Format,
        /// Только школы с категорией на этот год
        #[arg(long, value_name = "ГОД")]
        year: Option<i32>,
    },
    /// Список дорожных карт
    #[command(help_template = SUB_HELP, override_usage = "koordinator plans [--json] [--db ФАЙЛ]")]
    Plans {
        #[command(flatten)]
        format: Format,
    },
    /// Приказы района: номер (для export --order), дата, № и заголовок
    #[command(help_template = SUB_HELP, override_usage = "koordinator orders [--json] [--db ФАЙЛ]")]
    Orders {
        #[command(flatten)]
        format: Format,
    },
    /// Мероприятия дорожной карты
    #[command(help_template = SUB_HELP, override_usage = "koordinator events --plan ID [--json] [--db ФАЙЛ]")]
    Events {
        /// Номер дорожной карты (id из `koordinator plans`)
        #[arg(long, value_name = "ID")]
        plan: i64,
        #[command(flatten)]
        format: Format,
    },
    /// Напечатать документ в PDF: приложение, приказ, график вебинаров, список школ, отчёт
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator export [--plan ID] --document annex|order|webinars|schools|report|timeline|overview|effectiveness|region-summary --out ФАЙЛ.pdf|.docx|.xlsx [--landscape] [--a3] [--columns СПИСОК] [--blocks СПИСОК] [--as-of ДАТА] [--long-kept] [--metric ПОКАЗАТЕЛЬ | --indicator НАЗВАНИЕ] [--procedure ВПР] [--order ID] [--year ГОД] [--category КАТЕГОРИЯ] [--db ФАЙЛ]"
    )]
    Export {
        /// Номер дорожной карты (для всех документов, кроме effectiveness и region-summary)
        #[arg(long, value_name = "ID")]
        plan: Option<i64>,
        /// Документ: annex (дорожная карта), order (приказ с приложениями), webinars (график вебинаров), schools (список школ), report (отчёт), timeline (шкала времени), overview (ход реализации), effectiveness (аналитическая справка о результатах и эффективности мер поддержки), region-summary (сводная информация по районам из файла региона)
        #[arg(long, value_name = "ДОКУМЕНТ", hide_possible_values = true)]
        document: crate::export::DocumentKind,
        /// Куда сохранить: .pdf, .docx (для правки в Word) или .xlsx (таблица мероприятий)
        #[arg(long, value_name = "ФАЙЛ")]
        out: PathBuf,
        /// Альбомная ориентация
        #[arg(long)]
        landscape: bool,
        #[arg(long, value_name = "СПИСОК", help = columns_help())]
        columns: Option<String>,
        /// Блоки над таблицей дорожной карты: goal,tasks,coordinator,schools или none (по умолчанию все)
        #[arg(long, value_name = "СПИСОК")]
        blocks: Option<String>,
        /// Дата отчёта, шкалы времени или обзора ГГГГ-ММ-ДД (по умолчанию сегодня)
        #[arg(long, value_name = "ДАТА")]
        as_of: Option<chrono::NaiveDate>,
        /// Левое поле 30 мм (документы долговременного хранения)
        #[arg(long)]
        long_kept: bool,
        /// Лист A3 (для шкалы времени)
        #[arg(long)]
        a3: bool,
        /// Что анализирует справка effectiveness
        #[command(flatten)]
        choice: AnalysisChoice,
        /// Приказ order: какой напечатать (номер из koordinator orders; по умолчанию — приказ об утверждении дорожной карты)
        #[arg(long, value_name = "ID")]
        order: Option<i64>,
        /// Сводная информация region-summary: учебный год, год его начала (по умолчанию — последний)
        #[arg(long, value_name = "ГОД")]
        year: Option<i32>,
        /// Сводная информация region-summary: только школы этой категории
        #[arg(long, value_name = "КАТЕГОРИЯ", value_parser = category)]
        category: Option<domain::Category>,
    },
    /// Сведения о районе (орган управления образованием, название района, ОКТМО, кто подписывает): показать или изменить
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator profile [--issuer ТЕКСТ] [--issuer-genitive ТЕКСТ] [--district ТЕКСТ] [--oktmo КОД] [--coordinator ТЕКСТ] [--head ТЕКСТ] [--json] [--db ФАЙЛ]"
    )]
    Profile {
        /// Орган управления образованием: «Управление образования г. Таганрога»
        #[arg(long, value_name = "ТЕКСТ")]
        issuer: Option<String>,
        /// Он же в родительном падеже: «Управления образования г. Таганрога»
        #[arg(long, value_name = "ТЕКСТ")]
        issuer_genitive: Option<String>,
        /// Район, как его называет регион: «Неклиновский район»
        #[arg(long, value_name = "ТЕКСТ")]
        district: Option<String>,
        /// Код ОКТМО района: 8 или 11 цифр
        #[arg(long, value_name = "КОД")]
        oktmo: Option<String>,
        /// Муниципальный координатор: «Баркалова Е.В., главный специалист»
        #[arg(long, value_name = "ТЕКСТ")]
        coordinator: Option<String>,
        /// Кто подписывает приказы: «Морозова О.Л., начальник Управления образования»
        #[arg(long, value_name = "ТЕКСТ")]
        head: Option<String>,
        #[command(flatten)]
        format: Format,
    },
    /// Пакет района для региона: весь район одним файлом (сведения о районе, школы, наставничество, дорожные карты, результаты)
    #[command(help_template = SUB_HELP, override_usage = "koordinator package [--out ФАЙЛ.koord] [--db ФАЙЛ]")]
    Package {
        /// Куда сохранить (по умолчанию «Район_<название>_<дата>.koord» в текущей папке)
        #[arg(long, value_name = "ФАЙЛ")]
        out: Option<PathBuf>,
    },
    /// Файл региона: принять пакеты районов, таблица районов, район как он прислан
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator region import ФАЙЛ|ПАПКА… [--json] --db ФАЙЛ_РЕГИОНА\n       koordinator region districts [--year ГОД] [--category КАТЕГОРИЯ] [--json] --db ФАЙЛ_РЕГИОНА\n       koordinator region open КОД --out ФАЙЛ.sqlite3 --db ФАЙЛ_РЕГИОНА",
        subcommand_help_heading = "Команды",
        subcommand_value_name = "КОМАНДА"
    )]
    Region {
        #[command(subcommand)]
        action: RegionAction,
    },
    /// Календарь в формате ICS: вебинары и мероприятия дорожной карты (или один цикл вебинаров)
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator ics --plan ID --out ФАЙЛ.ics [--series ID] [--zone Europe/Moscow] [--db ФАЙЛ]"
    )]
    Ics {
        /// Номер дорожной карты
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Только этот цикл вебинаров (без мероприятий)
        #[arg(long, value_name = "ID")]
        series: Option<i64>,
        /// Часовой пояс времени вебинаров (по умолчанию Europe/Moscow)
        #[arg(long, value_name = "ПОЯС", default_value = "Europe/Moscow", hide_default_value = true)]
        zone: String,
        /// Куда сохранить файл
        #[arg(long, value_name = "ФАЙЛ")]
        out: PathBuf,
    },
    /// Импортировать дорожную карту из Word (.docx), Excel/LibreOffice (.xlsx, .xls, .ods), HTML или текста
    #[command(
        help_template = SUB_HELP_POSITIONAL,
        override_usage = "koordinator import ФАЙЛ [--sheet ЛИСТ] [--period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД] [--title ТЕКСТ] [--issuer ТЕКСТ] [--preview] [--duplicate ask|keep|replace] [--json] [--db ФАЙЛ]"
    )]
    Import {
        /// Файл .docx, .xlsx, .xls, .ods, .html или .txt с таблицей мероприятий, или пакет .json другого «Координатора»
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
        /// Лист книги Excel/LibreOffice (по умолчанию — лист с таблицей мероприятий, а если таких несколько — самый длинный)
        #[arg(long, value_name = "ЛИСТ")]
        sheet: Option<String>,
        /// Период плана: календарный год 2023-01-01..2023-12-31 или учебный 2022-09-01..2023-08-31
        /// (по умолчанию — из документа: «на 2022-2023 учебный год», даты в сроках)
        #[arg(long, value_name = "ПЕРИОД")]
        period: Option<String>,
        /// Название дорожной карты (по умолчанию — из документа или имя файла)
        #[arg(long, value_name = "ТЕКСТ")]
        title: Option<String>,
        /// Кто утверждает: «Управление образования г. Таганрога»
        #[arg(long, value_name = "ТЕКСТ")]
        issuer: Option<String>,
        /// Только показать, что распознано, ничего не записывая
        #[arg(long)]
        preview: bool,
        /// Если такая дорожная карта (название и период) уже есть: ask — спросить (отказ с
        /// объяснением), keep — оставить обе, replace — заменить прежнюю
        #[arg(
            long,
            value_name = "ask|keep|replace",
            default_value = "ask",
            hide_default_value = true,
            hide_possible_values = true
        )]
        duplicate: crate::import::Duplicate,
        #[command(flatten)]
        format: Format,
    },
    /// Результаты школ (ВПР, ОГЭ, ЕГЭ, диагностики): список или импорт таблицы
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator results [--json] [--db ФАЙЛ]\n       koordinator results indicators | indicator-add | indicator-set …\n       koordinator results import ФАЙЛ [--year ГОД] [--procedure ВПР] [--grade КЛАСС] [--subject ПРЕДМЕТ] [--sheet ЛИСТ] [--preview] [--duplicate ask|keep|replace] [--unmatched ask|add|skip] [--json] [--db ФАЙЛ]",
        subcommand_help_heading = "Команды",
        subcommand_value_name = "КОМАНДА"
    )]
    Results {
        #[command(subcommand)]
        action: Option<ResultsAction>,
        #[command(flatten)]
        format: Format,
    },
    /// Анализ эффективности мер поддержки: школы под поддержкой против сопоставимых школ района
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator analysis [--metric share_of_twos|share_of_good|mean_mark|below_minimum|mean_score | --indicator НАЗВАНИЕ] [--procedure ВПР] [--grade КЛАСС] [--subject ПРЕДМЕТ] [--min-participants 20] [--steady-years 2] [--steady-points 0] [--json] [--db ФАЙЛ]"
    )]
    Analysis {
        #[command(flatten)]
        choice: AnalysisChoice,
        #[command(flatten)]
        format: Format,
    },
    /// Сохранить дорожную карту пакетом .json (другой Координатор импортирует его без потерь)
    #[command(help_template = SUB_HELP, override_usage = "koordinator bundle --plan ID --out ФАЙЛ.json [--db ФАЙЛ]")]
    Bundle {
        /// Номер дорожной карты
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// Куда сохранить пакет
        #[arg(long, value_name = "ФАЙЛ")]
        out: PathBuf,
    },
    /// Новая дорожная карта из прошлогодней: разделы и мероприятия, период и годы в сроках сдвинуты
    #[command(help_template = SUB_HELP, override_usage = "koordinator copy-plan --plan ID [--years 1] [--json] [--db ФАЙЛ]")]
    CopyPlan {
        /// Номер дорожной карты
        #[arg(long, value_name = "ID")]
        plan: i64,
        /// На сколько лет сдвинуть: от 1 до 10 (по умолчанию 1)
        #[arg(long, value_name = "ЛЕТ", default_value_t = 1, value_parser = clap::value_parser!(i32).range(1..=10), hide_default_value = true)]
        years: i32,
        #[command(flatten)]
        format: Format,
    },
    /// Журнал изменений: последние изменения, новые первыми
    #[command(help_template = SUB_HELP, override_usage = "koordinator history [--json] [--limit N] [--db ФАЙЛ]")]
    History {
        #[command(flatten)]
        format: Format,
        /// Сколько изменений показать (по умолчанию 50)
        #[arg(long, value_name = "ЧИСЛО", default_value_t = 50, hide_default_value = true)]
        limit: u32,
    },
    /// Отменить последнее изменение
    #[command(help_template = SUB_HELP, override_usage = "koordinator undo [--db ФАЙЛ]")]
    Undo,
    /// Повторить последнее отменённое изменение
    #[command(help_template = SUB_HELP, override_usage = "koordinator redo [--db ФАЙЛ]")]
    Redo,
    /// Сделать резервную копию файла данных сейчас
    #[command(help_template = SUB_HELP, override_usage = "koordinator backup [--db ФАЙЛ]")]
    Backup,
    /// Список резервных копий, новые первыми
    #[command(help_template = SUB_HELP, override_usage = "koordinator backups [--json] [--db ФАЙЛ]")]
    Backups {
        #[command(flatten)]
        format: Format,
    },
    /// Восстановить данные из резервной копии (текущее состояние сначала сохраняется в копию)
    #[command(help_template = SUB_HELP_POSITIONAL, override_usage = "koordinator restore ФАЙЛ [--db ФАЙЛ]")]
    Restore {
        /// Файл резервной копии
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
    },
    /// Создать в новом файле большой учебный район для замеров скорости (10 лет × 60 школ × 600 мероприятий, результаты ВПР)
    #[command(help_template = SUB_HELP, override_usage = "koordinator generate [--years 10] [--schools 60] [--events 600] [--from 2016] [--db ФАЙЛ]")]
    Generate {
        /// Сколько учебных лет, по дорожной карте на каждый (по умолчанию 10)
        #[arg(long, value_name = "ЛЕТ", default_value_t = 10, hide_default_value = true)]
        years: i32,
        /// Сколько школ (по умолчанию 60)
        #[arg(long, value_name = "ЧИСЛО", default_value_t = 60, hide_default_value = true)]
        schools: usize,
        /// Сколько мероприятий в дорожной карте года (по умолчанию 600)
        #[arg(long, value_name = "ЧИСЛО", default_value_t = 600, hide_default_value = true)]
        events: usize,
        /// Первый учебный год, год его начала (по умолчанию 2016)
        #[arg(long, value_name = "ГОД", default_value_t = 2016, hide_default_value = true)]
        from: i32,
    },
    /// Прочитать таблицу файла и вывести её в JSON (служебная: так окно читает файлы в
    /// отдельном процессе, и сбой чтения не закрывает окно)
    #[command(hide = true)]
    ReadTable {
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
        #[arg(long, value_name = "ЛИСТ")]
        sheet: Option<String>,
        /// Any table (results too): an empty one is no error
        #[arg(long)]
        any: bool,
        /// Every sheet of a workbook, as a JSON array (results)
        #[arg(long)]
        all: bool,
    },
    /// Разобрать срок реализации: одна строка JSON на каждый текст
    #[command(
        help_template = SUB_HELP_POSITIONAL,
        override_usage = "koordinator timeframe [--period ПЕРИОД] [--stdin] [ТЕКСТ]"
    )]
    Timeframe {
        /// Период плана ГГГГ-ММ-ДД..ГГГГ-ММ-ДД (по умолчанию текущий учебный год)
        #[arg(long, value_name = "ПЕРИОД")]
        period: Option<String>,
        /// Читать тексты из стандартного ввода, по одному в строке
        #[arg(long)]
        stdin: bool,
        /// Текст срока, например «до 10 марта 2023 г.»
        #[arg(value_name = "ТЕКСТ")]
        text: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RegionAction {
    /// Принять пакеты районов: файлы .koord или папки с ними (файл региона создаётся, если его нет)
    #[command(help_template = SUB_HELP_POSITIONAL, override_usage = "koordinator region import ФАЙЛ|ПАПКА… [--json] --db ФАЙЛ_РЕГИОНА")]
    Import {
        /// Пакеты районов (.koord) или папки с ними
        #[arg(value_name = "ФАЙЛ|ПАПКА", required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        format: Format,
    },
    /// Таблица районов: курируемые школы по категориям, без наставника, мероприятия, дата пакета
    #[command(help_template = SUB_HELP, override_usage = "koordinator region districts [--year ГОД] [--category КАТЕГОРИЯ] [--json] --db ФАЙЛ_РЕГИОНА")]
    Districts {
        /// Учебный год, год его начала (по умолчанию — последний, о котором есть сведения)
        #[arg(long, value_name = "ГОД")]
        year: Option<i32>,
        /// Только школы категории: ШНОР, ШНСУ, «зона риска», «500+» (или low_results, adverse_conditions, risk_zone, project_500)
        #[arg(long, value_name = "КАТЕГОРИЯ", value_parser = category)]
        category: Option<domain::Category>,
        #[command(flatten)]
        format: Format,
    },
    /// Сохранить файл данных района, каким он пришёл в последнем пакете (открыть: koordinator --read-only --db ФАЙЛ)
    #[command(help_template = SUB_HELP_POSITIONAL, override_usage = "koordinator region open КОД --out ФАЙЛ.sqlite3 --db ФАЙЛ_РЕГИОНА")]
    Open {
        /// Код района (ОКТМО)
        #[arg(value_name = "КОД")]
        code: String,
        /// Куда сохранить файл данных района
        #[arg(long, value_name = "ФАЙЛ")]
        out: PathBuf,
    },
}

/// «ШНОР», «шнсу», «500+», «low_results»: a supported category.
fn category(text: &str) -> Result<domain::Category, String> {
    let t = text.trim().trim_matches(['«', '»', '"']).to_lowercase();
    domain::SUPPORTED
        .into_iter()
        .find(|c| c.code() == t || c.label().trim_matches(['«', '»']).to_lowercase() == t)
        .ok_or_else(|| "категория: ШНОР, ШНСУ, «зона риска» или «500+»".to_owned())
}

#[derive(Debug, Subcommand)]
pub enum ResultsAction {
    /// Импортировать таблицу результатов: ФИС ОКО «Статистика по отметкам», таблицы РЦОИ по ОГЭ/ЕГЭ, своды района
    #[command(
        help_template = SUB_HELP_POSITIONAL,
        override_usage = "koordinator results import ФАЙЛ [--year ГОД] [--procedure ВПР] [--grade КЛАСС] [--subject ПРЕДМЕТ] [--sheet ЛИСТ] [--preview] [--duplicate ask|keep|replace] [--unmatched ask|add|skip] [--json] [--db ФАЙЛ]"
    )]
    Import {
        /// Файл .xlsx, .xls, .ods, .csv, .docx, .html или .txt с таблицей результатов по школам
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
        #[command(flatten)]
        hints: Hints,
        /// Лист книги (по умолчанию — все листы с результатами)
        #[arg(long, value_name = "ЛИСТ")]
        sheet: Option<String>,
        /// Только показать, что распознано и с какими школами сопоставлено, ничего не записывая
        #[arg(long)]
        preview: bool,
        /// Если результаты этого года и процедуры уже загружены: ask — спросить (отказ с объяснением),
        /// keep — оставить прежние и добавить новые, replace — заменить совпадающие
        #[arg(
            long,
            value_name = "ask|keep|replace",
            default_value = "ask",
            hide_default_value = true,
            hide_possible_values = true
        )]
        duplicate: crate::import::Duplicate,
        /// Школы, которых нет в списке района: ask — отказ со списком, add — добавить, skip — не загружать их строки
        #[arg(
            long,
            value_name = "ask|add|skip",
            default_value = "ask",
            hide_default_value = true,
            hide_possible_values = true
        )]
        unmatched: crate::results::Unmatched,
        #[command(flatten)]
        format: Format,
    },
    /// Показатели, которые район ведёт сам: список со значениями
    #[command(help_template = SUB_HELP, override_usage = "koordinator results indicators [--json] [--db ФАЙЛ]")]
    Indicators {
        #[command(flatten)]
        format: Format,
    },
    /// Новый показатель района: «Доля выпускников, поступивших в колледжи»
    #[command(
        help_template = SUB_HELP_POSITIONAL,
        override_usage = "koordinator results indicator-add НАЗВАНИЕ [--unit %] [--lower-is-better] [--db ФАЙЛ]"
    )]
    IndicatorAdd {
        #[arg(value_name = "НАЗВАНИЕ")]
        name: String,
        /// Единица: %, чел., баллы
        #[arg(long, value_name = "ЕДИНИЦА", default_value = "", hide_default_value = true)]
        unit: String,
        /// Лучше, когда меньше (по умолчанию — когда больше)
        #[arg(long)]
        lower_is_better: bool,
    },
    /// Значение показателя школы за год (без --value — стереть)
    #[command(
        help_template = SUB_HELP,
        override_usage = "koordinator results indicator-set --indicator ID --school ID --year ГОД [--value ЧИСЛО] [--db ФАЙЛ]"
    )]
    IndicatorSet {
        #[arg(long, value_name = "ID")]
        indicator: i64,
        #[arg(long, value_name = "ID")]
        school: i64,
        #[arg(long, value_name = "ГОД")]
        year: i32,
        /// Значение: 41,5 или 41.5
        #[arg(long, value_name = "ЧИСЛО")]
        value: Option<String>,
    },
}

/// What a results table is about when its title does not say.
#[derive(Debug, Args)]
pub struct Hints {
    /// Год проведения (весна): 2023 для ВПР 2023 и 2022/23 учебного года
    #[arg(long, value_name = "ГОД")]
    year: Option<i32>,
    /// Процедура: ВПР, ОГЭ, ЕГЭ или своя диагностика
    #[arg(long, value_name = "ПРОЦЕДУРА")]
    procedure: Option<String>,
    /// Класс (1–11)
    #[arg(long, value_name = "КЛАСС", value_parser = clap::value_parser!(i32).range(1..=11))]
    grade: Option<i32>,
    /// Предмет: «Математика»
    #[arg(long, value_name = "ПРЕДМЕТ")]
    subject: Option<String>,
}

impl Hints {
    fn context(&self) -> exchange::results::Context {
        exchange::results::Context {
            year: self.year,
            procedure: self.procedure.as_deref().map(|p| {
                let words = exchange::results::context::words(p);
                exchange::results::context::procedure_of(&words).unwrap_or_else(|| p.trim().to_owned())
            }),
            grade: self.grade,
            subject: self.subject.as_deref().map(|s| {
                exchange::results::context::subject_of(&exchange::results::context::words(s))
                    .unwrap_or_else(|| s.trim().to_owned())
            }),
        }
    }
}

/// What the analysis measures, over which results, with which thresholds.
#[derive(Debug, Args)]
pub struct AnalysisChoice {
    /// Показатель: share_of_twos (доля «2», по умолчанию), share_of_good (доля «4» и «5»), mean_mark (средняя отметка), below_minimum (доля не преодолевших порог), mean_score (средний балл)
    #[arg(long, value_name = "ПОКАЗАТЕЛЬ", hide_possible_values = true)]
    metric: Option<MetricArg>,
    /// Показатель района вместо результатов (его название, см. results indicators)
    #[arg(long, value_name = "НАЗВАНИЕ", conflicts_with_all = ["metric", "procedure", "grade", "subject"])]
    indicator: Option<String>,
    /// Процедура (по умолчанию — та, по которой больше всего результатов)
    #[arg(long, value_name = "ПРОЦЕДУРА")]
    procedure: Option<String>,
    /// Только этот класс
    #[arg(long, value_name = "КЛАСС")]
    grade: Option<i32>,
    /// Только этот предмет
    #[arg(long, value_name = "ПРЕДМЕТ")]
    subject: Option<String>,
    /// Меньше участников — «мало участников, вывод ненадёжен» (по умолчанию 20)
    #[arg(long, value_name = "ЧИСЛО", default_value_t = 20, hide_default_value = true)]
    min_participants: u32,
    /// Устойчивая динамика: улучшение в каждом из последних N лет (по умолчанию 2)
    #[arg(long, value_name = "ЛЕТ", default_value_t = 2, hide_default_value = true)]
    steady_years: u32,
    /// …не меньше чем на столько пунктов (по умолчанию 0)
    #[arg(long, value_name = "ПУНКТОВ", default_value_t = 0.0, hide_default_value = true)]
    steady_points: f64,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
enum MetricArg {
    ShareOfTwos,
    ShareOfGood,
    MeanMark,
    BelowMinimum,
    MeanScore,
}

impl AnalysisChoice {
    pub fn settings(&self, store: &Store) -> CommandResult<domain::AnalysisSettings> {
        let metric = match self.metric {
            None | Some(MetricArg::ShareOfTwos) => domain::Metric::ShareOfTwos,
            Some(MetricArg::ShareOfGood) => domain::Metric::ShareOfGood,
            Some(MetricArg::MeanMark) => domain::Metric::MeanMark,
            Some(MetricArg::BelowMinimum) => domain::Metric::BelowMinimum,
            Some(MetricArg::MeanScore) => domain::Metric::MeanScore,
        };
        let mut filter = crate::results::default_filter(store)?;
        if let Some(p) = &self.procedure {
            filter.procedure = Some(
                exchange::results::context::procedure_of(&exchange::results::context::words(p))
                    .unwrap_or_else(|| p.trim().to_owned()),
            );
        }
        filter.grade = self.grade;
        // «математика» as the registry spells it: «Математика».
        filter.subject = self.subject.as_deref().map(|s| {
            exchange::results::context::subject_of(&exchange::results::context::words(s))
                .unwrap_or_else(|| s.trim().to_owned())
        });
        let indicator = match &self.indicator {
            None => None,
            Some(name) => {
                let wanted = name.trim().to_lowercase();
                let all = store::results::indicators(store.read())?;
                let found = all.iter().find(|i| i.name.trim().to_lowercase() == wanted);
                Some(found.map(|i| i.id).ok_or_else(|| {
                    let known: Vec<String> = all.iter().map(|i| format!("«{}»", i.name)).collect();
                    CommandError::new(
                        crate::error::ErrorCode::NotFound,
                        if known.is_empty() {
                            format!(
                                "Показателя района «{}» нет: показатели района ещё не заведены.",
                                name.trim()
                            )
                        } else {
                            format!("Показателя района «{}» нет. Есть: {}.", name.trim(), known.join(", "))
                        },
                    )
                })?)
            }
        };
        Ok(domain::AnalysisSettings {
            metric,
            filter,
            indicator,
            min_participants: self.min_participants,
            steady_years: self.steady_years.max(1),
            steady_points: self.steady_points.max(0.0),
            ..Default::default()
        })
    }
}

#[derive(Debug, Args)]
pub struct Format {
    /// Вывести JSON
    #[arg(long)]
    pub json: bool,
}

/// How the window is to open its data file.
#[derive(Debug, Clone, Default)]
pub struct Window {
    pub db: Option<PathBuf>,
    /// `--region`: a new file becomes the region's.
    pub region: bool,
    /// `--read-only`: nothing is written (a district opened from a region file).
    pub read_only: bool,
}

/// A whole command-line run: parse, then a subcommand, or `window` when there is none; Russian
/// errors on stderr, exit 1 (2 for bad arguments).
pub fn main(
    args: impl IntoIterator<Item = String>,
    window: impl FnOnce(Window) -> CommandResult<()>,
) -> std::process::ExitCode {
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err((text, code)) => {
            if code == 0 {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            return std::process::ExitCode::from(code as u8);
        }
    };
    let result = match cli.command {
        None => window(Window { db: cli.db, region: cli.region, read_only: cli.read_only }),
        Some(command) => run(cli.db, command, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Ошибка: {}", e.message);
            std::process::ExitCode::FAILURE
        }
    }
}

/// The help text, as `--help` prints it.
pub fn help() -> String {
    use clap::CommandFactory;
    Cli::command().render_help().to_string()
}

/// Parses the arguments; clap's own errors and help are turned into Russian here.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Cli, (String, i32)> {
    Cli::try_parse_from(args).map_err(|e| {
        use clap::error::{ContextKind, ErrorKind};
        let ctx = |k| e.get(k).map(|v| v.to_string()).unwrap_or_default();
        let msg = match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::DisplayVersion => {
                return (e.render().to_string(), 0);
            }
            ErrorKind::UnknownArgument => {
                format!("неизвестный параметр «{}»", ctx(ContextKind::InvalidArg))
            }
            ErrorKind::InvalidSubcommand => {
                format!("неизвестная команда «{}»", ctx(ContextKind::InvalidSubcommand))
            }
            ErrorKind::MissingRequiredArgument => {
                format!("не хватает параметра: {}", ctx(ContextKind::InvalidArg))
            }
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
                "недопустимое значение «{}» параметра {}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            ),
            ErrorKind::ArgumentConflict => {
                format!("параметры несовместимы: {}", ctx(ContextKind::InvalidArg))
            }
            _ => "неверные параметры командной строки".to_owned(),
        };
        (format!("Ошибка: {msg}. Справка: koordinator --help\n"), 2)
    })
}

/// Runs a subcommand, writing its output to `out`.
pub fn run(db: Option<PathBuf>, command: Command, out: &mut dyn Write) -> CommandResult<()> {
    let open = || Store::open(&paths::data_file(db.clone())).map_err(CommandError::from);
    let create = || paths::create_store(db.clone()).map_err(CommandError::from);
    match command {
        Command::Demo => {
            let mut store = create()?;
            let loaded = crate::district::load_demo(&mut store)?;
            writeln!(
                out,
                "Демонстрационный район загружен: {}, дорожная карта № {} ({}).",
                store::count(loaded.schools, "школа", "школы", "школ"),
                loaded.plan_id,
                store::events_count(loaded.events)
            )
            .map_err(io)?;
        }
        Command::Generate { years, schools, events, from } => {
            let size = crate::generate::Size { first_year: from, years, schools, events };
            let g = crate::generate::big_district(&mut create()?, size)?;
            let results = store::count(g.results, "результат", "результата", "результатов");
            let results = format!(
                "{} {}",
                exchange::import::group_thousands(g.results),
                results.rsplit_once(' ').map_or("", |(_, w)| w)
            );
            writeln!(
                out,
                "Район для замеров создан: {}, {}, {}, {}, {results}.",
                store::count(g.schools, "школа", "школы", "школ"),
                store::count(g.plans, "дорожная карта", "дорожные карты", "дорожных карт"),
                store::events_count(g.events),
                store::count(g.webinars, "вебинар", "вебинара", "вебинаров"),
            )
            .map_err(io)?;
        }
        Command::Schools { format, year } => {
            let schools = store::school::list(open()?.read(), year)?;
            let text = if format.json { json::line(&schools) } else { output::schools(&schools, year) };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Plans { format } => {
            let plans = store::plan::list(open()?.read())?;
            let text = if format.json { json::line(&plans) } else { output::plans(&plans) };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Orders { format } => {
            let orders = store::order::list(open()?.read())?;
            let text = if format.json {
                json::line(&orders)
            } else if orders.is_empty() {
                "Приказов нет.".to_owned()
            } else {
                orders
                    .iter()
                    .map(|o| {
                        format!(
                            "{:>4}  от {} № {}  {}",
                            o.id,
                            domain::ru_date(o.draft.date),
                            o.draft.number,
                            o.draft.title
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Events { plan, format } => {
            let roadmap = store::roadmap::read(open()?.read(), plan)?;
            let text = if format.json {
                json::line(&output::event_rows(&roadmap))
            } else {
                output::events(&roadmap)
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Export {
            plan,
            document,
            out: path,
            landscape,
            columns,
            blocks,
            as_of,
            long_kept,
            a3,
            choice,
            order,
            year,
            category,
        } => {
            let store = open()?;
            let plan = match (plan, document) {
                (Some(p), _) => p,
                (None, d) if !d.needs_plan() => 0,
                (None, _) => {
                    return Err(CommandError::new(
                        ErrorCode::Invalid,
                        "не хватает параметра: --plan ID (номер дорожной карты из koordinator plans)",
                    ))
                }
            };
            let request = crate::export::ExportRequest {
                plan_id: plan,
                document,
                landscape,
                columns: columns
                    .as_deref()
                    .map(domain::Column::parse_list)
                    .transpose()
                    .map_err(|m| CommandError::new(ErrorCode::Invalid, m))?
                    .unwrap_or_default(),
                blocks: blocks
                    .as_deref()
                    .map(domain::RoadmapBlock::parse_list)
                    .transpose()
                    .map_err(|m| CommandError::new(ErrorCode::Invalid, m))?,
                as_of,
                long_kept,
                a3,
                analysis: match document {
                    crate::export::DocumentKind::Effectiveness => Some(choice.settings(&store)?),
                    _ => None,
                },
                order_id: order,
                year,
                category,
            };
            let now = chrono::Local::now();
            let saved = crate::export::export_to_file(
                &store,
                &request,
                &path,
                now.date_naive(),
                now.timestamp(),
                &domain::Work::default(),
            )?;
            let pages = if saved.pages > 0 { format!("{} стр., ", saved.pages) } else { String::new() };
            writeln!(out, "Сохранено: {} ({pages}{} КБ)", saved.path, saved.kilobytes).map_err(io)?;
            for w in &saved.warnings {
                eprintln!("Предупреждение: {w}");
            }
        }
        Command::Ics { plan, series, zone, out: path } => {
            let store = open()?;
            let text = crate::export::calendar(&store, plan, series, &zone, chrono::Utc::now().naive_utc())?;
            crate::files::write_export(&store, &path, text.as_bytes())?;
            writeln!(out, "Сохранено: {}", path.display()).map_err(io)?;
        }
        Command::Import { file, sheet, period, title, issuer, preview, duplicate, format } => {
            // A preview writes nothing: with no data file yet it reads against an empty district.
            let mut store = match (preview, paths::data_file(db.clone()).exists()) {
                (true, false) => Store::open_in_memory()?,
                (true, true) => open()?,
                (false, _) => create()?,
            };
            if let Some(bundle) = crate::import::read_bundle(&file)? {
                if preview {
                    let p = crate::import::bundle_preview(&store, &bundle)?;
                    let text = if format.json { json::line(&p) } else { output::bundle_preview(&p) };
                    writeln!(out, "{text}").map_err(io)?;
                    return Ok(());
                }
                let written =
                    crate::import::write_bundle(&mut store, &bundle, duplicate, &domain::Work::default())?;
                print_written(out, &written, format.json)?;
                return Ok(());
            }
            let period = period
                .map(|p| {
                    p.parse::<Period>().map_err(|e| CommandError::new(ErrorCode::Invalid, e.to_string()))
                })
                .transpose()?;
            let source = crate::import::read_file(&file, sheet.as_deref())?;
            if preview {
                let r = crate::import::preview(&store, &source, period.as_ref(), None)?;
                let text = if format.json { json::line(&r) } else { output::recognised(&r) };
                writeln!(out, "{text}").map_err(io)?;
                return Ok(());
            }
            let choice = crate::import::PlanChoice {
                title: title.as_deref(),
                issuer: issuer.as_deref(),
                period,
                roles: None,
                duplicate,
                work: domain::Work::default(),
            };
            let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let written = crate::import::write(&mut store, &source, &choice, &stem)?;
            print_written(out, &written, format.json)?;
        }
        Command::Results { action: None, format } => {
            let store = open()?;
            let rows = store::results::list(store.read())?;
            let text = if format.json {
                json::line(&rows)
            } else {
                output::results(&rows, &store::school::list(store.read(), None)?)
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Results {
            action: Some(ResultsAction::Import { file, hints, sheet, preview, duplicate, unmatched, format }),
            ..
        } => {
            let mut store = match (preview, paths::data_file(db.clone()).exists()) {
                (true, false) => Store::open_in_memory()?,
                (true, true) => open()?,
                (false, _) => create()?,
            };
            let sources = crate::results::read_file(&file, sheet.as_deref())?;
            let p = crate::results::preview(&store, &sources, &hints.context())?;
            if preview {
                let text = if format.json { json::line(&p) } else { output::results_preview(&p) };
                writeln!(out, "{text}").map_err(io)?;
                return Ok(());
            }
            let written = crate::results::write(&mut store, &p, &Default::default(), unmatched, duplicate)?;
            if format.json {
                writeln!(out, "{}", json::line(&written)).map_err(io)?;
            } else {
                writeln!(out, "{}", output::results_written(&written)).map_err(io)?;
                for w in &p.warnings {
                    eprintln!("Предупреждение: {w}");
                }
            }
        }
        Command::Results { action: Some(ResultsAction::Indicators { format }), .. } => {
            let store = open()?;
            let list = store::results::indicators(store.read())?;
            let mut rows = Vec::new();
            for i in &list {
                rows.push((i.clone(), store::results::indicator_values(store.read(), i.id)?));
            }
            let text = if format.json {
                json::line(
                    &rows
                        .iter()
                        .map(|(i, v)| serde_json::json!({"indicator": i, "values": v.iter().map(|(s, y, x)| serde_json::json!({"school_id": s, "year": y, "value": x})).collect::<Vec<_>>()}))
                        .collect::<Vec<_>>(),
                )
            } else if rows.is_empty() {
                "Показателей района пока нет: koordinator results indicator-add НАЗВАНИЕ".to_owned()
            } else {
                rows.iter()
                    .map(|(i, v)| {
                        let better = if i.higher_is_better {
                            "лучше больше"
                        } else {
                            "лучше меньше"
                        };
                        let unit = if i.unit.is_empty() { String::new() } else { format!(", {}", i.unit) };
                        format!("{}\t{}{unit} ({better}): значений {}", i.id, i.name, v.len())
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Results {
            action: Some(ResultsAction::IndicatorAdd { name, unit, lower_is_better }),
            ..
        } => {
            let mut store = open()?;
            let label = format!("Показатель района: {}", domain::text::one_line(&name));
            let id = store
                .change(label, |tx| store::results::add_indicator(tx, &name, &unit, !lower_is_better))?;
            writeln!(out, "Показатель добавлен: № {id}").map_err(io)?;
        }
        Command::Results {
            action: Some(ResultsAction::IndicatorSet { indicator, school, year, value }),
            ..
        } => {
            let value = value
                .map(|v| {
                    exchange::results::parse_number(&v).ok_or_else(|| {
                        CommandError::new(
                            ErrorCode::Invalid,
                            format!("«{v}» — не число: укажите, например, 41,5"),
                        )
                    })
                })
                .transpose()?;
            let mut store = open()?;
            let label = format!("Значение показателя за {year} год");
            store.change(label, |tx| {
                store::school::get(tx, school)?;
                store::results::set_indicator_value(tx, indicator, school, year, value)
            })?;
            writeln!(
                out,
                "{}",
                if value.is_some() {
                    "Значение записано."
                } else {
                    "Значение стёрто."
                }
            )
            .map_err(io)?;
        }
        Command::Analysis { choice, format } => {
            let store = open()?;
            let settings = choice.settings(&store)?;
            let a = crate::results::analysis(&store, &settings)?;
            let text = if format.json { json::line(&a) } else { output::analysis(&a) };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Bundle { plan, out: path } => {
            crate::import::save_bundle(&open()?, plan, &path)?;
            writeln!(out, "Сохранено: {}", path.display()).map_err(io)?;
        }
        Command::Profile { issuer, issuer_genitive, district, oktmo, coordinator, head, format } => {
            let changed = [&issuer, &issuer_genitive, &district, &oktmo, &coordinator, &head]
                .iter()
                .any(|v| v.is_some());
            let mut store = if changed { create()? } else { open()? };
            let mut p = store::setting::profile(store.read())?;
            if changed {
                for (field, value) in [
                    (&mut p.issuer, issuer),
                    (&mut p.issuer_genitive, issuer_genitive),
                    (&mut p.district, district),
                    (&mut p.oktmo, oktmo),
                    (&mut p.coordinator, coordinator),
                    (&mut p.head, head),
                ] {
                    if let Some(v) = value {
                        *field = v;
                    }
                }
                store.change("Сведения о районе изменены", |tx| {
                    store::setting::set_profile(tx, &p)
                })?;
                p = store::setting::profile(store.read())?;
            }
            let text = if format.json {
                json::line(&p)
            } else {
                let dash = |s: &str| if s.is_empty() { "—".to_owned() } else { s.to_owned() };
                format!(
                    "Орган управления образованием: {}\nВ родительном падеже: {}\nРайон: {}\nОКТМО: {}\nМуниципальный координатор: {}\nПодписывает приказы: {}",
                    dash(&p.issuer),
                    dash(&p.issuer_genitive),
                    dash(&p.district),
                    dash(&p.oktmo),
                    dash(&p.coordinator),
                    dash(&p.head)
                )
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Package { out: path } => {
            let store = open()?;
            let now = chrono::Local::now().naive_local();
            let path = match path {
                Some(p) => p,
                None => PathBuf::from(crate::package::default_name(&store, now)?),
            };
            let m = crate::package::make(&store, &path, now)?;
            let size = std::fs::metadata(&path).map(|m| m.len().div_ceil(1024)).unwrap_or(0);
            writeln!(
                out,
                "Пакет района «{}» (ОКТМО {}) сохранён: {} ({size} КБ). Отправьте его в регион.",
                m.district_name,
                m.district_code,
                path.display()
            )
            .map_err(io)?;
        }
        Command::Region { action: RegionAction::Import { paths: files, format } } => {
            let mut store = create()?;
            let outcomes = crate::region::accept(&mut store, &files, &domain::Work::default())?;
            if format.json {
                writeln!(out, "{}", json::line(&outcomes)).map_err(io)?;
            } else {
                for o in &outcomes {
                    writeln!(out, "{}", o.line()).map_err(io)?;
                }
            }
            let refused =
                outcomes.iter().filter(|o| matches!(o, crate::region::Outcome::Refused { .. })).count();
            if refused > 0 {
                return Err(CommandError::new(
                    ErrorCode::Invalid,
                    format!("не принято пакетов: {refused} из {}", outcomes.len()),
                ));
            }
        }
        Command::Region { action: RegionAction::Districts { year, category, format } } => {
            let store = open()?;
            let t = crate::region::table(&store, year, category)?;
            let text = if format.json { json::line(&t) } else { output::region_table(&t) };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Region { action: RegionAction::Open { code, out: path } } => {
            let store = open()?;
            let m = crate::region::extract(&store, &code, &path)?;
            writeln!(
                out,
                "Файл данных района «{}» по пакету от {} сохранён: {}. Открыть только для чтения: koordinator --read-only --db \"{}\"",
                m.district_name,
                crate::region::ru_at(&m.made_at),
                path.display(),
                path.display()
            )
            .map_err(io)?;
        }
        Command::CopyPlan { plan, years, format } => {
            let written = crate::import::copy_plan(&mut open()?, plan, years)?;
            print_written(out, &written, format.json)?;
        }
        Command::History { format, limit } => {
            let changes = store::history::list(open()?.read(), limit)?;
            let text = if format.json {
                json::line(&changes.iter().map(output::HistoryLine::from).collect::<Vec<_>>())
            } else {
                output::history(&changes)
            };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Undo | Command::Redo => {
            let mut store = open()?;
            let undo = matches!(command, Command::Undo);
            let done = if undo { store.undo()? } else { store.redo()? };
            match done {
                Some(label) => writeln!(out, "{}", domain::step_message(undo, &label, false)).map_err(io)?,
                None if undo => return Err(CommandError::new(ErrorCode::Invalid, "Нечего отменять.")),
                None => return Err(CommandError::new(ErrorCode::Invalid, "Нечего повторять.")),
            }
        }
        Command::Backup => {
            let made = open()?.backup()?;
            writeln!(out, "Резервная копия: {} ({} КБ)", made.path, made.size.div_ceil(1024)).map_err(io)?;
        }
        Command::Backups { format } => {
            let path = paths::data_file(db.clone());
            if !path.exists() {
                return Err(store::StoreError::Missing { path: path.display().to_string() }.into());
            }
            let list = store::backup::list(&path)?;
            let text = if format.json { json::line(&list) } else { output::backups(&list) };
            writeln!(out, "{text}").map_err(io)?;
        }
        Command::Restore { file } => {
            let before = open()?.restore(&file)?;
            writeln!(
                out,
                "Данные восстановлены из «{}». Прежнее состояние сохранено: {}\nЧтобы вернуть как было до восстановления: koordinator restore \"{}\"",
                file.display(),
                before.path,
                before.path
            )
            .map_err(io)?;
        }
        Command::ReadTable { file, sheet, any, all } => {
            if all {
                let sources = crate::results::read_file(&file, sheet.as_deref())?;
                let list: Vec<&exchange::import::Source> = sources.iter().map(|(s, _)| s).collect();
                writeln!(out, "{}", json::line(&list)).map_err(io)?;
                return Ok(());
            }
            let source = if any {
                let bytes = crate::import::read_limited(&file)?;
                exchange::import::read_table(&bytes, &file.to_string_lossy(), sheet.as_deref())
                    .map_err(|e| CommandError::new(ErrorCode::Invalid, e))?
            } else {
                crate::import::read_file(&file, sheet.as_deref())?
            };
            writeln!(out, "{}", json::line(&source)).map_err(io)?;
        }
        Command::Timeframe { period, stdin, text } => {
            let period = match period {
                Some(p) => {
                    p.parse::<Period>().map_err(|e| CommandError::new(ErrorCode::Invalid, e.to_string()))?
                }
                None => current_academic_year(),
            };
            if stdin {
                // Every line gets its answer in its place; a line that is not UTF-8 gets an
                // input error instead of stopping the rest.
                for (n, line) in std::io::stdin().lock().split(b'\n').enumerate() {
                    let bytes = line.map_err(io)?;
                    let bytes = bytes.strip_suffix(b"\r").unwrap_or(&bytes);
                    let answer = match std::str::from_utf8(bytes) {
                        Ok(text) => {
                            json::line(&output::TimeframeLine::from(&timeframe::parse(text, &period)))
                        }
                        Err(_) => json::line(&output::InputError {
                            error: format!("строка {} не в кодировке UTF-8: сохраните текст в UTF-8", n + 1),
                        }),
                    };
                    writeln!(out, "{answer}").map_err(io)?;
                }
            } else {
                let text = text.unwrap_or_default();
                writeln!(
                    out,
                    "{}",
                    json::line(&output::TimeframeLine::from(&timeframe::parse(&text, &period)))
                )
                .map_err(io)?;
            }
        }
    }
    Ok(())
}

fn io(e: std::io::Error) -> CommandError {
    CommandError::new(ErrorCode::Io, format!("ошибка вывода: {e}"))
}

/// The academic year (September to August) that contains today.
fn current_academic_year() -> Period {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let first = if today.month() >= 9 { today.year() } else { today.year() - 1 };
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    Period { start: date(first, 9, 1), end: date(first + 1, 8, 31) }
}

/// What an import or a copy wrote: the JSON contract, or a sentence and the warnings.
fn print_written(out: &mut dyn Write, w: &exchange::import::Written, json: bool) -> CommandResult<()> {
    if json {
        return writeln!(out, "{}", json::line(w)).map_err(io);
    }
    writeln!(out, "Записана дорожная карта № {}: разделов {}, мероприятий {}.", w.plan, w.sections, w.events)
        .map_err(io)?;
    for warning in &w.warnings {
        writeln!(out, "  ! {warning}").map_err(io)?;
    }
    Ok(())
}

/// The manual page (roff) of the command line, made from the same declarations as `--help`, so
/// that it lists every subcommand. `cargo test` writes it to assets/man/koordinator.1, which the
/// .deb installs; CI fails when the committed page differs.
pub fn man_page() -> String {
    use clap::CommandFactory;
    let cli = Cli::command();
    let esc = |t: &str| t.replace('\\', "\\\\").replace('-', "\\-");
    let mut out = String::new();
    out.push_str(".TH KOORDINATOR 1 \"\" \"Координатор\" \"Руководство пользователя\"\n");
    out.push_str(".SH ИМЯ\nkoordinator \\- дорожные карты сопровождения школ: окно и командная строка\n");
    out.push_str(".SH СИНТАКСИС\n.B koordinator\n[\\fB\\-\\-db\\fR \\fIФАЙЛ\\fR] [\\fIКОМАНДА\\fR] [\\fIПАРАМЕТРЫ\\fR]\n");
    out.push_str(
        ".SH ОПИСАНИЕ\nБез команды открывает окно программы на файле данных. С командой работает без окна.\n",
    );
    out.push_str("Файл данных: \\fB\\-\\-db\\fR, иначе переменная KOORDINATOR_DB, иначе ~/.local/share/koordinator/koordinator.sqlite3.\n");
    out.push_str(".SH КОМАНДЫ\n");
    for sub in cli.get_subcommands() {
        out.push_str(&format!(
            ".TP\n.B {}\n{}\n",
            sub.get_name(),
            esc(&sub.get_about().map(|a| a.to_string()).unwrap_or_default())
        ));
        if let Some(usage) = sub.get_overridden_usage() {
            out.push_str(&format!(".br\n{}\n", esc(&usage.to_string())));
        }
    }
    out.push_str(".SH ФАЙЛЫ\n.TP\n.I ~/.local/share/koordinator/koordinator.sqlite3\nфайл данных\n");
    out.push_str(".TP\n.I Резервные копии/\nпапка резервных копий рядом с файлом данных\n");
    out.push_str(".SH КОДЫ ВОЗВРАТА\n0 \\- успешно; 1 \\- ошибка (сообщение на русском в stderr); 2 \\- неверные параметры.\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_man_page_lists_every_subcommand_and_is_written() {
        use clap::CommandFactory;
        let page = super::man_page();
        for sub in super::Cli::command().get_subcommands() {
            assert!(page.contains(&format!(".B {}\n", sub.get_name())), "{}", sub.get_name());
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../assets/man/koordinator.1");
        std::fs::write(path, page).unwrap();
    }

    /// Every subcommand's help is Russian and each parameter starts its own line: clap's own
    /// placeholders («<FILE>») and a positional glued to «-h, --help» were seen.
    #[test]
    fn every_subcommands_help_is_russian_and_one_parameter_per_line() {
        use clap::CommandFactory;
        let top = super::Cli::command();
        let mut subs: Vec<clap::Command> = top.get_subcommands().cloned().collect();
        // Nested ones too («region import»).
        subs.extend(top.get_subcommands().flat_map(|s| s.get_subcommands().cloned().collect::<Vec<_>>()));
        for mut sub in subs.into_iter().filter(|s| !s.is_hide_set()) {
            let help = sub.render_help().to_string();
            let name = sub.get_name().to_owned();
            // clap's own template («Usage:», «Options:») shows where a command lost ours; the
            // command list names each one with what it does.
            assert!(sub.get_about().is_some(), "{name}: no description in the command list");
            assert!(help.starts_with(&sub.get_about().unwrap().to_string()), "{name}: {help}");
            for english in ["Usage:", "Options:", "Arguments:", "Commands:"] {
                assert!(!help.contains(english), "{name}: «{english}» in its help");
            }
            for line in help.lines() {
                let placeholder = line.split(['<', '>']).nth(1).unwrap_or("");
                // «ID» is the record number as the usage lines name it.
                assert!(
                    placeholder == "ID" || !placeholder.chars().any(|c| c.is_ascii_uppercase()),
                    "{name}: English placeholder in «{line}»"
                );
                assert!(
                    !line.contains("[default") && !line.to_lowercase().contains("possible"),
                    "{name}: «{line}»"
                );
                if let Some(at) = line.find("-h, --help") {
                    assert!(line[..at].trim().is_empty(), "{name}: «-h, --help» glued to «{line}»");
                }
            }
        }
    }
}
