using System.Text;
using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Documents.LanguageIdentification;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Documents;

/// <summary>
/// Behaviour of the shipped language identifier. The sentences below were written for these tests by the
/// Sitrep team (news-style, not copied from anywhere). The first dozen per language are the sanity set; the
/// second group was written as a tuning set while choosing the trainer's settings, so neither is a blind measure.
/// </summary>
public sealed class LanguageIdentifierTests
{
    private static readonly NgramLanguageIdentifier Identifier = NgramLanguageIdentifier.Default;

    public static TheoryData<string> German =>
    [
        "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise angekündigt.",
        "Nach Angaben der Polizei wurden bei dem Unfall auf der Autobahn drei Menschen schwer verletzt.",
        "Der Bürgermeister sagte, dass die Stadt im nächsten Jahr mehr Geld für Schulen ausgeben wird.",
        "Tausende Menschen demonstrierten am Wochenende in Berlin für mehr Klimaschutz.",
        "Die Verhandlungen zwischen den beiden Ländern sollen in der kommenden Woche fortgesetzt werden.",
        "Wegen des Streiks fielen am Dienstag viele Züge im ganzen Land aus.",
        "Das Gericht hat die Klage des Unternehmens gegen die neue Regelung abgewiesen.",
        "Er erklärte, er habe von den Plänen nichts gewusst und sei sehr überrascht gewesen.",
        "Im Osten des Landes kam es in der Nacht erneut zu schweren Kämpfen.",
        "Die Zahl der Arbeitslosen ist im vergangenen Monat leicht gesunken.",
        "Laut einer neuen Umfrage ist die Mehrheit der Bürger mit der Arbeit der Regierung unzufrieden.",
        "Der Außenminister wird am Donnerstag zu Gesprächen nach Paris reisen.",
        "Das Spiel endete nach neunzig Minuten unentschieden.",
        "Morgen wird es im Süden sonnig und warm, im Norden regnet es.",
        "Die Firma will bis Ende des Jahres rund tausend Stellen abbauen.",
        "Viele Eltern sind wütend, weil die Kita schon wieder geschlossen bleibt.",
        "Sie wohnt seit zwanzig Jahren in einem kleinen Dorf am See.",
        "Warum hat niemand die Warnungen ernst genommen?",
        "Der Preis für Benzin ist seit Januar deutlich gestiegen.",
        "Bei der Wahl erhielt die Partei knapp ein Viertel der Stimmen.",
    ];

    public static TheoryData<string> Spanish =>
    [
        "El gobierno anunció el lunes un nuevo plan para reducir el precio de la electricidad.",
        "Según la policía, tres personas resultaron heridas en el accidente de tráfico.",
        "Miles de personas se manifestaron el domingo en las calles de Madrid.",
        "El presidente afirmó que las negociaciones con los sindicatos continuarán la próxima semana.",
        "La inflación subió en marzo hasta su nivel más alto de los últimos años.",
        "Los bomberos trabajaron durante toda la noche para controlar el incendio.",
        "El tribunal rechazó el recurso presentado por la empresa contra la nueva ley.",
        "La ministra dijo que no hay ninguna razón para preocuparse por ahora.",
        "En el este del país se registraron nuevos combates durante la madrugada.",
        "El número de desempleados bajó ligeramente en el último mes.",
        "Una encuesta reciente muestra que la mayoría de los ciudadanos está insatisfecha con el gobierno.",
        "El ministro de Asuntos Exteriores viajará el jueves a París para reunirse con su homólogo.",
        "El partido terminó empatado después de noventa minutos.",
        "Mañana hará sol y calor en el sur, mientras que en el norte lloverá.",
        "La compañía quiere eliminar unos mil empleos antes de fin de año.",
        "Muchos padres están enfadados porque la guardería sigue cerrada.",
        "Ella vive desde hace veinte años en un pueblo pequeño junto al lago.",
        "¿Por qué nadie tomó en serio las advertencias?",
        "El precio de la gasolina ha subido mucho desde enero.",
        "En las elecciones el partido obtuvo casi una cuarta parte de los votos.",
    ];

    public static TheoryData<string> Italian =>
    [
        "Il governo ha annunciato lunedì un nuovo piano per ridurre il prezzo dell'energia.",
        "Secondo la polizia, tre persone sono rimaste ferite nell'incidente stradale.",
        "Migliaia di persone hanno manifestato domenica nelle strade di Roma.",
        "Il presidente ha detto che i negoziati con i sindacati continueranno la prossima settimana.",
        "L'inflazione è salita a marzo al livello più alto degli ultimi anni.",
        "I vigili del fuoco hanno lavorato tutta la notte per spegnere l'incendio.",
        "Il tribunale ha respinto il ricorso presentato dall'azienda contro la nuova legge.",
        "La ministra ha dichiarato che per ora non c'è alcun motivo di preoccupazione.",
        "Nell'est del paese si sono registrati nuovi combattimenti durante la notte.",
        "Il numero dei disoccupati è leggermente diminuito nell'ultimo mese.",
        "Secondo un recente sondaggio, la maggior parte dei cittadini non è soddisfatta del governo.",
        "Il ministro degli Esteri si recherà giovedì a Parigi per incontrare il suo omologo.",
        "La partita è finita in parità dopo novanta minuti.",
        "Domani ci sarà sole e caldo al sud, mentre al nord pioverà.",
        "L'azienda vuole tagliare circa mille posti di lavoro entro fine anno.",
        "Molti genitori sono arrabbiati perché l'asilo resta ancora chiuso.",
        "Lei vive da vent'anni in un piccolo paese vicino al lago.",
        "Perché nessuno ha preso sul serio gli avvertimenti?",
        "Il prezzo della benzina è aumentato molto da gennaio.",
        "Alle elezioni il partito ha ottenuto quasi un quarto dei voti.",
    ];

    public static TheoryData<string> Russian =>
    [
        "Правительство в понедельник объявило о новых мерах по снижению цен на электроэнергию.",
        "По данным полиции, в результате аварии пострадали три человека.",
        "Тысячи людей вышли в воскресенье на улицы Москвы.",
        "Президент заявил, что переговоры с профсоюзами продолжатся на следующей неделе.",
        "В марте инфляция достигла самого высокого уровня за последние годы.",
        "Пожарные всю ночь боролись с огнём, чтобы остановить распространение пожара.",
        "Суд отклонил жалобу компании на новый закон.",
        "Министр сказала, что пока нет никаких причин для беспокойства.",
        "На востоке страны ночью снова начались ожесточённые бои.",
        "Число безработных в прошлом месяце немного сократилось.",
        "Согласно недавнему опросу, большинство граждан недовольны работой правительства.",
        "Министр иностранных дел в четверг отправится в Париж для встречи со своим коллегой.",
        "Матч закончился вничью после девяноста минут игры.",
        "Завтра на юге будет солнечно и тепло, а на севере пройдут дожди.",
        "Компания хочет сократить около тысячи рабочих мест до конца года.",
        "Многие родители недовольны тем, что детский сад снова закрыт.",
        "Она уже двадцать лет живёт в маленькой деревне у озера.",
        "Почему никто не отнёсся серьёзно к предупреждениям?",
        "Цена на бензин с января заметно выросла.",
        "На выборах партия получила почти четверть голосов.",
    ];

    public static TheoryData<string> Ukrainian =>
    [
        "Уряд у понеділок оголосив про нові заходи для зниження цін на електроенергію.",
        "За даними поліції, внаслідок аварії постраждали три людини.",
        "Тисячі людей вийшли в неділю на вулиці Києва.",
        "Президент заявив, що переговори з профспілками продовжаться наступного тижня.",
        "У березні інфляція досягла найвищого рівня за останні роки.",
        "Рятувальники всю ніч боролися з вогнем, щоб зупинити поширення пожежі.",
        "Суд відхилив скаргу компанії на новий закон.",
        "Міністерка сказала, що поки немає жодних причин для занепокоєння.",
        "На сході країни вночі знову почалися запеклі бої.",
        "Кількість безробітних минулого місяця трохи зменшилася.",
        "Згідно з нещодавнім опитуванням, більшість громадян незадоволені роботою уряду.",
        "Міністр закордонних справ у четвер вирушить до Парижа на зустріч зі своїм колегою.",
        "Матч завершився внічию після дев'яноста хвилин гри.",
        "Завтра на півдні буде сонячно й тепло, а на півночі пройдуть дощі.",
        "Компанія хоче скоротити близько тисячі робочих місць до кінця року.",
        "Багато батьків обурені тим, що дитячий садок знову зачинений.",
        "Вона вже двадцять років живе в маленькому селі біля озера.",
        "Чому ніхто не поставився серйозно до попереджень?",
        "Ціна на бензин із січня помітно зросла.",
        "На виборах партія отримала майже чверть голосів.",
    ];

    /// <summary>Scripts the model has no profile for, and languages it knows only as decoys: all "und".</summary>
    public static TheoryData<string> Undetermined =>
    [
        "أعلنت الحكومة يوم الاثنين عن إجراءات جديدة لخفض أسعار الكهرباء.",
        "政府星期一宣布了降低电价的新措施，反对党表示不满。",
        "政府は月曜日、電気料金を引き下げるための新たな対策を発表した。",
        "정부는 월요일 전기 요금을 낮추기 위한 새로운 조치를 발표했다.",
        "הממשלה הודיעה ביום שני על צעדים חדשים להורדת מחירי החשמל.",
        "सरकार ने सोमवार को बिजली की कीमतें कम करने के लिए नए उपायों की घोषणा की।",
        "Η κυβέρνηση ανακοίνωσε τη Δευτέρα νέα μέτρα για τη μείωση των τιμών της ενέργειας.",
        "Rząd ogłosił w poniedziałek nowe działania w celu obniżenia cen energii elektrycznej.",
        "Według policji w wypadku drogowym zostały ranne trzy osoby.",
        "Tysiące ludzi wyszło w niedzielę na ulice Warszawy, żeby protestować.",
        "Mecz zakończył się remisem po dziewięćdziesięciu minutach.",
        "Hükümet pazartesi günü elektrik fiyatlarını düşürmek için yeni önlemler açıkladı.",
        "Vláda v pondělí oznámila nová opatření ke snížení cen elektřiny.",
        "O governo anunciou na segunda-feira novas medidas para reduzir o preço da eletricidade.",
        "A partida terminou empatada depois de noventa minutos.",
        "De regering heeft maandag nieuwe maatregelen aangekondigd om de energieprijzen te verlagen.",
        "Правителството обяви в понеделник нови мерки за намаляване на цените на електроенергията.",
        "Влада је у понедељак најавила нове мере за смањење цена електричне енергије.",
        "Regeringen meddelade på måndagen nya åtgärder för att sänka elpriserna.",
        "Guvernul a anunțat luni noi măsuri pentru reducerea prețului energiei electrice.",
        "A kormány hétfőn új intézkedéseket jelentett be az áramárak csökkentésére.",
        "Hallitus ilmoitti maanantaina uusista toimista sähkön hinnan alentamiseksi.",
    ];

    [Theory]
    [MemberData(nameof(German))]
    public void German_sentences_are_German(string sentence) => AssertLanguage("de", sentence);

    [Theory]
    [MemberData(nameof(Spanish))]
    public void Spanish_sentences_are_Spanish(string sentence) => AssertLanguage("es", sentence);

    [Theory]
    [MemberData(nameof(Italian))]
    public void Italian_sentences_are_Italian(string sentence) => AssertLanguage("it", sentence);

    [Theory]
    [MemberData(nameof(Russian))]
    public void Russian_sentences_are_Russian(string sentence) => AssertLanguage("ru", sentence);

    [Theory]
    [MemberData(nameof(Ukrainian))]
    public void Ukrainian_sentences_are_Ukrainian(string sentence) => AssertLanguage("uk", sentence);

    [Theory]
    [MemberData(nameof(Undetermined))]
    public void Languages_the_model_lacks_are_undetermined(string sentence) => AssertLanguage(LanguageCodes.Undetermined, sentence);

    [Theory]
    [InlineData("fr", "Les forces russes ont été chassées de la région de Kharkiv, selon l'état-major ukrainien.")]
    [InlineData("fr", "LE VILLAGE FERA LA FÊTE DIMANCHE PROCHAIN")]
    [InlineData("fr", "Le groupe est composé de quatre musiciens venus de Lyon et de Marseille.")]
    [InlineData("en", "Russian forces have been pushed back from the Kharkiv region, the Ukrainian general staff said.")]
    [InlineData("en", "The company said on Tuesday it would cut about a thousand jobs by the end of the year.")]
    public void French_and_English_sentences_are_recognised(string language, string sentence) => AssertLanguage(language, sentence);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("12345 678 90")]
    [InlineData("2022-05-14T10:00:00Z")]
    [InlineData("Paris")]
    [InlineData("Hello world")]
    [InlineData("!!! ??? ... --- ***")]
    [InlineData("\u00a0\u2009\u202f")]
    public void Empty_short_or_letterless_text_is_undetermined(string text)
    {
        LanguageGuess guess = Identifier.Identify(text);
        Assert.Equal(LanguageCodes.Undetermined, guess.Language);
        Assert.Equal(0, guess.Confidence);
        Assert.Equal(0, Identifier.Score(text, "fr"));
    }

    [Theory]
    [InlineData("\ud800")]
    [InlineData("\udc00 la vie est belle \ud800")]
    [InlineData("\udc00\ud800\udc00\ud800 Le président a démissionné \ud83d")]
    [InlineData("\u0000\u0001\u0002\ufffe\uffff")]
    [InlineData("e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301")]
    [InlineData("\U0001D400\U0001D401\U0001D402\U0001D403\U0001D404\U0001D405\U0001D406\U0001D407\U0001D408\U0001D409\U0001D40A\U0001D40B\U0001D40C")]
    [InlineData("\U00020000\U00020001\U00020002\U00020003\U00020004\U00020005\U00020006\U00020007\U00020008\U00020009\U0002000A\U0002000B")]
    public void Hostile_text_does_not_throw(string text)
    {
        LanguageGuess guess = Identifier.Identify(text);
        Assert.InRange(guess.Confidence, 0, 1);
        Assert.InRange(Identifier.Score(text, "fr"), 0, 1);
    }

    [Fact]
    public void A_megabyte_of_one_letter_is_undetermined_and_fast()
    {
        string text = new('a', 1 << 20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LanguageGuess guess = Identifier.Identify(text);
        Assert.Equal(LanguageCodes.Undetermined, guess.Language);
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Random_text_never_throws_and_scores_stay_in_range()
    {
        var random = new Random(20220514);
        var text = new StringBuilder();
        for (int round = 0; round < 300; round++)
        {
            text.Clear();
            int length = random.Next(0, 400);
            for (int i = 0; i < length; i++)
            {
                // Mostly letters of the scripts the model knows, with surrogates, marks and controls mixed in.
                text.Append(random.Next(10) switch
                {
                    < 4 => (char)random.Next('a', 'z' + 1),
                    4 => (char)random.Next(0x0400, 0x0530),
                    5 => (char)random.Next(0xD800, 0xE000),
                    6 => (char)random.Next(0x0300, 0x0370),
                    7 => ' ',
                    _ => (char)random.Next(0, 0x10000),
                });
            }

            string s = text.ToString();
            LanguageGuess guess = Identifier.Identify(s);
            Assert.InRange(guess.Confidence, 0, 1);
            Assert.True(guess.Language == LanguageCodes.Undetermined || Identifier.Model.IndexOf(guess.Language) >= 0);
            foreach (string language in new[] { "fr", "en", "ru", "xx", "pt" })
            {
                Assert.InRange(Identifier.Score(s, language), 0, 1);
            }
        }
    }

    [Fact]
    public void Identification_is_deterministic()
    {
        const string text = "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie.";
        LanguageGuess first = Identifier.Identify(text);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(first, Identifier.Identify(text));
        }

        using Stream stream = typeof(NgramLanguageIdentifier).Assembly.GetManifestResourceStream(NgramLanguageIdentifier.ModelResourceName)!;
        var reloaded = new NgramLanguageIdentifier(LanguageProfileModel.Load(stream));
        Assert.Equal(first, reloaded.Identify(text));
    }

    [Fact]
    public void A_saved_model_loads_back_to_the_same_bytes()
    {
        using var first = new MemoryStream();
        Identifier.Model.Save(first);
        first.Position = 0;
        var loaded = LanguageProfileModel.Load(first);
        using var second = new MemoryStream();
        loaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Score_is_zero_for_languages_the_model_does_not_answer()
    {
        const string text = "Le gouvernement a annoncé lundi de nouvelles mesures contre la hausse des prix de l'énergie.";
        Assert.True(Identifier.Score(text, "fr") > 0.9);
        Assert.True(Identifier.Score(text, "en") < 0.1);
        Assert.Equal(0, Identifier.Score(text, "xx"));
        Assert.Equal(0, Identifier.Score(text, "pt"));
    }

    [Fact]
    public void A_French_article_declared_English_is_overruled()
    {
        var article = new Article
        {
            Text = "Les forces russes ont été repoussées de la région de Kharkiv, a indiqué dimanche l'état-major ukrainien. "
                + "Selon le ministère de la Défense, les combats se poursuivent dans l'est du pays.",
            Language = "en",
        };
        Document document = SitrepExtractor.Default.Extract(article, TestContext.Current.CancellationToken);
        Assert.Equal("fr", document.Language);
    }

    [Fact]
    public void A_declared_language_stands_on_text_too_short_to_tell()
    {
        Document document = SitrepExtractor.Default.Extract(new Article { Text = "Kharkiv", Language = "fr" }, TestContext.Current.CancellationToken);
        Assert.Equal("fr", document.Language);
    }

    [Fact]
    public void Supported_languages_of_the_shipped_model()
    {
        string[] answered = [.. Identifier.Model.Classes.Where(c => c.Role == LanguageClassRole.Language).Select(c => c.Code)];
        Assert.Equal(["fr", "en", "de", "es", "it", "ru", "uk"], answered);
    }

    private static void AssertLanguage(string expected, string sentence)
    {
        LanguageGuess guess = Identifier.Identify(sentence);
        Assert.True(expected == guess.Language, $"expected {expected}, got {guess.Language} ({guess.Confidence:F2}) for: {sentence}");
        if (expected != LanguageCodes.Undetermined)
        {
            Assert.InRange(guess.Confidence, 0.5, 1);
        }
    }
}
