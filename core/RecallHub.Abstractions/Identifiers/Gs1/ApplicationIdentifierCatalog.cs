using static RecallHub.Abstractions.Identifiers.Gs1.Gs1Linter;

namespace RecallHub.Abstractions.Identifiers.Gs1;

/// <summary>
/// The application identifier table as data, transcribed from the GS1 Barcode Syntax Dictionary (the machine-readable
/// AI table of the GS1 General Specifications, GS1 Barcode Syntax Resource). Requirements use <c>|</c> for "one of",
/// <c>+</c> for "all of" and a space between separate rules; <c>n</c> in a code matches any digit.
/// </summary>
internal static partial class ApplicationIdentifierCatalog
{
    public static ApplicationIdentifier[] Create()
    {
        var list = new List<ApplicationIdentifier>(600);
        AddAll(list);
        list.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return [.. list];
    }

    private static void AddAll(List<ApplicationIdentifier> t)
    {
        // Identification of trade items and logistic units
        Ai(t, "00", "SSCC", [N(18, CheckDigit, GcpPosition2)], key: true);
        Ai(t, "01", "GTIN", [N(14, CheckDigit, GcpPosition2)], excludes: "255 37", key: true);
        Ai(t, "02", "CONTENT", [N(14, CheckDigit, GcpPosition2)], requires: "37", excludes: "01 03");
        Ai(t, "03", "MTO GTIN", [N(14, CheckDigit, GcpPosition2)], excludes: "01 02 37");

        // Batch, dates, variant and serial number
        Ai(t, "10", "BATCH/LOT", [X(..20)], requires: "01|02|03|8006|8026");
        Ai(t, "11", "PROD DATE", [N(6, DateOrDayZero)], requires: "01|02|03|8006|8026");
        Ai(t, "12", "DUE DATE", [N(6, DateOrDayZero)], requires: "8020");
        Ai(t, "13", "PACK DATE", [N(6, DateOrDayZero)], requires: "01|02|03|8006|8026");
        Ai(t, "15", "BEST BEFORE or BEST BY", [N(6, DateOrDayZero)], requires: "01|02|03|8006|8026");
        Ai(t, "16", "SELL BY", [N(6, DateOrDayZero)], requires: "01|02|03|8006|8026");
        Ai(t, "17", "USE BY or EXPIRY", [N(6, DateOrDayZero)], requires: "01|02|03|255|8006|8026");
        Ai(t, "20", "VARIANT", [N(2)], requires: "01|02|8006|8026");
        Ai(t, "21", "SERIAL", [X(..20)], requires: "01|03|8006", excludes: "235");
        Ai(t, "22", "CPV", [X(..20)], requires: "01");
        Ai(t, "235", "TPX", [X(..28)], requires: "01");

        // Additional product identification, references and documents
        Ai(t, "240", "ADDITIONAL ID", [X(..30)], requires: "01|02|8006|8026");
        Ai(t, "241", "CUST. PART No.", [X(..30)], requires: "01|02|8006|8026");
        Ai(t, "242", "MTO VARIANT", [N(..6)], requires: "01|02|8006|8026");
        Ai(t, "243", "PCN", [X(..20)], requires: "01");
        Ai(t, "250", "SECONDARY SERIAL", [X(..30)], requires: "01|8006 21");
        Ai(t, "251", "REF. TO SOURCE", [X(..30)], requires: "01|8006");
        Ai(t, "253", "GDTI", [N(13, CheckDigit, GcpPosition1), Optional(X(..17))], key: true);
        Ai(t, "254", "GLN EXTENSION COMPONENT", [X(..20)], requires: "414");
        Ai(t, "255", "GCN", [N(13, CheckDigit, GcpPosition1), Optional(N(..12))], excludes: "01 02 415 8006 8020 8026", key: true);

        // Variable count
        Ai(t, "30", "VAR. COUNT", [N(..8)], requires: "01|02");

        // Trade measures of variable measure trade items
        Range(t, "3100", "3105", "NET WEIGHT (kg)", [N(6)], requires: "01|02", excludes: "310n");
        Range(t, "3110", "3115", "LENGTH (m)", [N(6)], requires: "01|02", excludes: "311n");
        Range(t, "3120", "3125", "WIDTH (m)", [N(6)], requires: "01|02", excludes: "312n");
        Range(t, "3130", "3135", "HEIGHT (m)", [N(6)], requires: "01|02", excludes: "313n");
        Range(t, "3140", "3145", "AREA (m²)", [N(6)], requires: "01|02", excludes: "314n");
        Range(t, "3150", "3155", "NET VOLUME (l)", [N(6)], requires: "01|02", excludes: "315n");
        Range(t, "3160", "3165", "NET VOLUME (m³)", [N(6)], requires: "01|02", excludes: "316n");
        Range(t, "3200", "3205", "NET WEIGHT (lb)", [N(6)], requires: "01|02", excludes: "320n");
        Range(t, "3210", "3215", "LENGTH (in)", [N(6)], requires: "01|02", excludes: "321n");
        Range(t, "3220", "3225", "LENGTH (ft)", [N(6)], requires: "01|02", excludes: "322n");
        Range(t, "3230", "3235", "LENGTH (yd)", [N(6)], requires: "01|02", excludes: "323n");
        Range(t, "3240", "3245", "WIDTH (in)", [N(6)], requires: "01|02", excludes: "324n");
        Range(t, "3250", "3255", "WIDTH (ft)", [N(6)], requires: "01|02", excludes: "325n");
        Range(t, "3260", "3265", "WIDTH (yd)", [N(6)], requires: "01|02", excludes: "326n");
        Range(t, "3270", "3275", "HEIGHT (in)", [N(6)], requires: "01|02", excludes: "327n");
        Range(t, "3280", "3285", "HEIGHT (ft)", [N(6)], requires: "01|02", excludes: "328n");
        Range(t, "3290", "3295", "HEIGHT (yd)", [N(6)], requires: "01|02", excludes: "329n");

        // Logistic measures
        Range(t, "3300", "3305", "GROSS WEIGHT (kg)", [N(6)], requires: "00|01", excludes: "330n");
        Range(t, "3310", "3315", "LENGTH (m), log", [N(6)], requires: "00|01", excludes: "331n");
        Range(t, "3320", "3325", "WIDTH (m), log", [N(6)], requires: "00|01", excludes: "332n");
        Range(t, "3330", "3335", "HEIGHT (m), log", [N(6)], requires: "00|01", excludes: "333n");
        Range(t, "3340", "3345", "AREA (m²), log", [N(6)], requires: "00|01", excludes: "334n");
        Range(t, "3350", "3355", "VOLUME (l), log", [N(6)], requires: "00|01", excludes: "335n");
        Range(t, "3360", "3365", "VOLUME (m³), log", [N(6)], requires: "00|01", excludes: "336n");
        Range(t, "3370", "3375", "KG PER m²", [N(6)], requires: "01", excludes: "337n");

        // Logistic measures (imperial units)
        Range(t, "3400", "3405", "GROSS WEIGHT (lb)", [N(6)], requires: "00|01", excludes: "340n");
        Range(t, "3410", "3415", "LENGTH (in), log", [N(6)], requires: "00|01", excludes: "341n");
        Range(t, "3420", "3425", "LENGTH (ft), log", [N(6)], requires: "00|01", excludes: "342n");
        Range(t, "3430", "3435", "LENGTH (yd), log", [N(6)], requires: "00|01", excludes: "343n");
        Range(t, "3440", "3445", "WIDTH (in), log", [N(6)], requires: "00|01", excludes: "344n");
        Range(t, "3450", "3455", "WIDTH (ft), log", [N(6)], requires: "00|01", excludes: "345n");
        Range(t, "3460", "3465", "WIDTH (yd), log", [N(6)], requires: "00|01", excludes: "346n");
        Range(t, "3470", "3475", "HEIGHT (in), log", [N(6)], requires: "00|01", excludes: "347n");
        Range(t, "3480", "3485", "HEIGHT (ft), log", [N(6)], requires: "00|01", excludes: "348n");
        Range(t, "3490", "3495", "HEIGHT (yd), log", [N(6)], requires: "00|01", excludes: "349n");

        // Areas, weights and volumes (imperial units)
        Range(t, "3500", "3505", "AREA (in²)", [N(6)], requires: "01|02", excludes: "350n");
        Range(t, "3510", "3515", "AREA (ft²)", [N(6)], requires: "01|02", excludes: "351n");
        Range(t, "3520", "3525", "AREA (yd²)", [N(6)], requires: "01|02", excludes: "352n");
        Range(t, "3530", "3535", "AREA (in²), log", [N(6)], requires: "00|01", excludes: "353n");
        Range(t, "3540", "3545", "AREA (ft²), log", [N(6)], requires: "00|01", excludes: "354n");
        Range(t, "3550", "3555", "AREA (yd²), log", [N(6)], requires: "00|01", excludes: "355n");
        Range(t, "3560", "3565", "NET WEIGHT (t oz)", [N(6)], requires: "01|02", excludes: "356n");
        Range(t, "3570", "3575", "NET VOLUME (oz)", [N(6)], requires: "01|02", excludes: "357n");
        Range(t, "3600", "3605", "NET VOLUME (qt)", [N(6)], requires: "01|02", excludes: "360n");
        Range(t, "3610", "3615", "NET VOLUME (gal.)", [N(6)], requires: "01|02", excludes: "361n");
        Range(t, "3620", "3625", "VOLUME (qt), log", [N(6)], requires: "00|01", excludes: "362n");
        Range(t, "3630", "3635", "VOLUME (gal.), log", [N(6)], requires: "00|01", excludes: "363n");
        Range(t, "3640", "3645", "VOLUME (in³)", [N(6)], requires: "01|02", excludes: "364n");
        Range(t, "3650", "3655", "VOLUME (ft³)", [N(6)], requires: "01|02", excludes: "365n");
        Range(t, "3660", "3665", "VOLUME (yd³)", [N(6)], requires: "01|02", excludes: "366n");
        Range(t, "3670", "3675", "VOLUME (in³), log", [N(6)], requires: "00|01", excludes: "367n");
        Range(t, "3680", "3685", "VOLUME (ft³), log", [N(6)], requires: "00|01", excludes: "368n");
        Range(t, "3690", "3695", "VOLUME (yd³), log", [N(6)], requires: "00|01", excludes: "369n");

        // Count of trade items in a logistic unit
        Ai(t, "37", "COUNT", [N(..8)], requires: "00 02|8026");

        // Amounts payable, prices and coupon values
        Range(t, "3900", "3909", "AMOUNT", [N(..15)], requires: "255|8020", excludes: "390n 391n 394n 8111");
        Range(t, "3910", "3919", "AMOUNT", [N(3, Iso4217), N(..15)], requires: "8020", excludes: "391n");
        Range(t, "3920", "3929", "PRICE", [N(..15)], requires: "01 30|31nn|32nn|35nn|36nn", excludes: "392n 393n");
        Range(t, "3930", "3939", "PRICE", [N(3, Iso4217), N(..15)], requires: "30|31nn|32nn|35nn|36nn", excludes: "393n");
        Range(t, "3940", "3943", "PRCNT OFF", [N(4)], requires: "255", excludes: "394n 8111");
        Range(t, "3950", "3955", "PRICE/UoM", [N(6)], requires: "30|31nn|32nn|35nn|36nn", excludes: "392n 393n 395n 8005");

        // Orders, consignments and shipments
        Ai(t, "400", "ORDER NUMBER", [X(..30)]);
        Ai(t, "401", "GINC", [X(..30, GcpPosition1)], key: true);
        Ai(t, "402", "GSIN", [N(17, CheckDigit, GcpPosition1)], key: true);
        Ai(t, "403", "ROUTE", [X(..30)], requires: "00");

        // Global Location Numbers
        Ai(t, "410", "SHIP TO LOC", [N(13, CheckDigit, GcpPosition1)]);
        Ai(t, "411", "BILL TO", [N(13, CheckDigit, GcpPosition1)]);
        Ai(t, "412", "PURCHASE FROM", [N(13, CheckDigit, GcpPosition1)]);
        Ai(t, "413", "SHIP FOR LOC", [N(13, CheckDigit, GcpPosition1)]);
        Ai(t, "414", "LOC No.", [N(13, CheckDigit, GcpPosition1)], key: true);
        Ai(t, "415", "PAY TO", [N(13, CheckDigit, GcpPosition1)], requires: "8020", key: true);
        Ai(t, "416", "PROD/SERV LOC", [N(13, CheckDigit, GcpPosition1)]);
        Ai(t, "417", "PARTY", [N(13, CheckDigit, GcpPosition1)], key: true);

        // Ship-to postal codes and countries of origin and processing
        Ai(t, "420", "SHIP TO POST", [X(..20)], excludes: "421");
        Ai(t, "421", "SHIP TO POST", [N(3, Iso3166), X(..9)], excludes: "4307");
        Ai(t, "422", "ORIGIN", [N(3, Iso3166)], requires: "01|02|8006|8026", excludes: "426");
        Ai(t, "423", "COUNTRY - INITIAL PROCESS", [N(3, Iso3166), Optional(N(3, Iso3166)), Optional(N(3, Iso3166)), Optional(N(3, Iso3166)), Optional(N(3, Iso3166))], requires: "01|02", excludes: "426");
        Ai(t, "424", "COUNTRY - PROCESS", [N(3, Iso3166)], requires: "01|02", excludes: "426");
        Ai(t, "425", "COUNTRY - DISASSEMBLY", [N(3, Iso3166), Optional(N(3, Iso3166)), Optional(N(3, Iso3166)), Optional(N(3, Iso3166)), Optional(N(3, Iso3166))], requires: "01|02", excludes: "426");
        Ai(t, "426", "COUNTRY - FULL PROCESS", [N(3, Iso3166)], requires: "01|02");
        Ai(t, "427", "ORIGIN SUBDIVISION", [X(..3)], requires: "01|02 422");

        // Ship-to and return-to addresses, delivery and handling
        Ai(t, "4300", "SHIP TO COMP", [X(..35, PercentEncoded)], requires: "00");
        Ai(t, "4301", "SHIP TO NAME", [X(..35, PercentEncoded)], requires: "00");
        Ai(t, "4302", "SHIP TO ADD1", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4303", "SHIP TO ADD2", [X(..70, PercentEncoded)], requires: "4302");
        Ai(t, "4304", "SHIP TO SUB", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4305", "SHIP TO LOC", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4306", "SHIP TO REG", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4307", "SHIP TO COUNTRY", [X(2, Iso3166Alpha2)], requires: "00");
        Ai(t, "4308", "SHIP TO PHONE", [X(..30)], requires: "00");
        Ai(t, "4309", "SHIP TO GEO", [N(10, Latitude), N(10, Longitude)], requires: "00");
        Ai(t, "4310", "RTN TO COMP", [X(..35, PercentEncoded)], requires: "00");
        Ai(t, "4311", "RTN TO NAME", [X(..35, PercentEncoded)], requires: "00");
        Ai(t, "4312", "RTN TO ADD1", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4313", "RTN TO ADD2", [X(..70, PercentEncoded)], requires: "4312");
        Ai(t, "4314", "RTN TO SUB", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4315", "RTN TO LOC", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4316", "RTN TO REG", [X(..70, PercentEncoded)], requires: "00");
        Ai(t, "4317", "RTN TO COUNTRY", [X(2, Iso3166Alpha2)], requires: "00");
        Ai(t, "4318", "RTN TO POST", [X(..20)], requires: "00");
        Ai(t, "4319", "RTN TO PHONE", [X(..30)], requires: "00");
        Ai(t, "4320", "SRV DESCRIPTION", [X(..35, PercentEncoded)], requires: "00");
        Ai(t, "4321", "DANGEROUS GOODS", [N(1, YesNo)], requires: "00");
        Ai(t, "4322", "AUTH TO LEAVE", [N(1, YesNo)], requires: "00");
        Ai(t, "4323", "SIG REQUIRED", [N(1, YesNo)], requires: "00");
        Ai(t, "4324", "NOT BEF DEL DT", [N(6, DateOrDayZero), N(4, HoursMinutes)], requires: "00");
        Ai(t, "4325", "NOT AFT DEL DT", [N(6, DateOrDayZero), N(4, HoursMinutes)], requires: "00");
        Ai(t, "4326", "REL DATE", [N(6, Date)], requires: "00");
        Ai(t, "4330", "MAX TEMP F.", [N(6), Optional(X(1, Hyphen))], requires: "00", excludes: "4331");
        Ai(t, "4331", "MAX TEMP C.", [N(6), Optional(X(1, Hyphen))], requires: "00", excludes: "4330");
        Ai(t, "4332", "MIN TEMP F.", [N(6), Optional(X(1, Hyphen))], requires: "00", excludes: "4333");
        Ai(t, "4333", "MIN TEMP C.", [N(6), Optional(X(1, Hyphen))], requires: "00", excludes: "4332");

        // Trade item attributes: NSN, meat, fishery, refurbishment, processors
        Ai(t, "7001", "NSN", [N(13)], requires: "01|02|8006|8026");
        Ai(t, "7002", "MEAT CUT", [X(..30)], requires: "01|02");
        Ai(t, "7003", "EXPIRY TIME", [N(6, Date), N(4, HoursMinutes)], requires: "01|02");
        Ai(t, "7004", "ACTIVE POTENCY", [N(..4)], requires: "01 10");
        Ai(t, "7005", "CATCH AREA", [X(..12)], requires: "01|02");
        Ai(t, "7006", "FIRST FREEZE DATE", [N(6, Date)], requires: "01|02");
        Ai(t, "7007", "HARVEST DATE", [N(6, Date), Optional(N(6, Date))], requires: "01|02");
        Ai(t, "7008", "AQUATIC SPECIES", [X(..3)], requires: "01|02");
        Ai(t, "7009", "FISHING GEAR TYPE", [X(..10)], requires: "01|02");
        Ai(t, "7010", "PROD METHOD", [X(..2)], requires: "01|02");
        Ai(t, "7011", "TEST BY DATE", [N(6, Date), Optional(N(4, HoursMinutes))], requires: "01|02");
        Ai(t, "7020", "REFURB LOT", [X(..20)], requires: "01|8006 416");
        Ai(t, "7021", "FUNC STAT", [X(..20)], requires: "01|8006");
        Ai(t, "7022", "REV STAT", [X(..20)], requires: "7021");
        Ai(t, "7023", "GIAI - ASSEMBLY", [X(..30, GcpPosition1)]);
        Ai(t, "7030", "PROCESSOR # 0", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7031", "PROCESSOR # 1", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7032", "PROCESSOR # 2", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7033", "PROCESSOR # 3", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7034", "PROCESSOR # 4", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7035", "PROCESSOR # 5", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7036", "PROCESSOR # 6", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7037", "PROCESSOR # 7", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7038", "PROCESSOR # 8", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7039", "PROCESSOR # 9", [N(3, Iso3166Or999), X(..27)], requires: "01|02");
        Ai(t, "7040", "UIC+EXT", [N(1), X(1), X(1), X(1, ImporterIndex)]);
        Ai(t, "7041", "UFRGT UNIT TYPE", [X(..4, PackageType)], requires: "00");

        // National Healthcare Reimbursement Numbers (NHRN)
        Ai(t, "710", "NHRN PZN", [X(..20)], requires: "01");
        Ai(t, "711", "NHRN CIP", [X(..20)], requires: "01");
        Ai(t, "712", "NHRN CN", [X(..20)], requires: "01");
        Ai(t, "713", "NHRN DRN", [X(..20)], requires: "01");
        Ai(t, "714", "NHRN AIM", [X(..20)], requires: "01");
        Ai(t, "715", "NHRN NDC", [X(..20)], requires: "01");
        Ai(t, "716", "NHRN AIC", [X(..20)], requires: "01");

        // Certifications, protocols, AIDC media and patient data
        Ai(t, "7230", "CERT # 1", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7231", "CERT # 2", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7232", "CERT # 3", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7233", "CERT # 4", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7234", "CERT # 5", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7235", "CERT # 6", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7236", "CERT # 7", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7237", "CERT # 8", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7238", "CERT # 9", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7239", "CERT # 10", [X(2), X(..28)], requires: "01|8004");
        Ai(t, "7240", "PROTOCOL", [X(..20)], requires: "01|8006");
        Ai(t, "7241", "AIDC MEDIA TYPE", [N(2, MediaType)], requires: "8017|8018");
        Ai(t, "7242", "VCN", [X(..25)], requires: "8017|8018");
        Ai(t, "7250", "DOB", [N(8, LongDate)], requires: "8018", excludes: "7251");
        Ai(t, "7251", "DOB TIME", [N(8, LongDate), N(4, HoursMinutes)], requires: "8018", excludes: "7250");
        Ai(t, "7252", "BIO SEX", [N(1, Iso5218)], requires: "8018");
        Ai(t, "7253", "FAMILY NAME", [X(..40, PercentEncoded)], requires: "8017|8018", excludes: "7256 7259");
        Ai(t, "7254", "GIVEN NAME", [X(..40, PercentEncoded)], requires: "8017|8018", excludes: "7256 7259");
        Ai(t, "7255", "SUFFIX", [X(..10)], requires: "8017|8018", excludes: "7256 7259");
        Ai(t, "7256", "FULL NAME", [X(..90, PercentEncoded)], requires: "8017|8018");
        Ai(t, "7257", "PERSON ADDR", [X(..70, PercentEncoded)], requires: "8018");
        Ai(t, "7258", "BIRTH SEQUENCE", [X(3, PositionInSequence)], requires: "8018+7259");
        Ai(t, "7259", "BABY", [X(..40, PercentEncoded)], requires: "8018", excludes: "7256");

        // Other identification keys and attributes
        Ai(t, "8001", "DIMENSIONS", [N(4, NonZero), N(5, NonZero), N(3, NonZero), N(1, Winding), N(1)], requires: "01");
        Ai(t, "8002", "CMT No.", [X(..20)]);
        Ai(t, "8003", "GRAI", [N(1, Zero), N(13, CheckDigit, GcpPosition1), Optional(X(..16))], key: true);
        Ai(t, "8004", "GIAI", [X(..30, GcpPosition1)], key: true);
        Ai(t, "8005", "PRICE PER UNIT", [N(6)], requires: "01|02");
        Ai(t, "8006", "ITIP", [N(14, CheckDigit, GcpPosition2), N(4, PieceOfTotal)], excludes: "01 37", key: true);
        Ai(t, "8007", "IBAN", [X(..34, Iban)], requires: "415");
        Ai(t, "8008", "PROD TIME", [N(6, Date), N(2, Hour), Optional(N(2, Minute)), Optional(N(2, Second))], requires: "01|02");
        Ai(t, "8009", "OPTSEN", [X(..50)], requires: "00|01");
        Ai(t, "8010", "CPID", [Y(..30, GcpPosition1)], key: true);
        Ai(t, "8011", "CPID SERIAL", [N(..12, NoZeroPrefix)], requires: "8010");
        Ai(t, "8012", "VERSION", [X(..20)], requires: "01|8006");
        Ai(t, "8013", "GMN", [X(..25, CheckCharacterPair, GcpPosition1)], key: true);
        Ai(t, "8014", "MUDI", [X(..25, CheckCharacterPair, GcpPosition1, HasNonDigit)], requires: "01");
        Ai(t, "8017", "GSRN - PROVIDER", [N(18, CheckDigit, GcpPosition1)], excludes: "8018", key: true);
        Ai(t, "8018", "GSRN - RECIPIENT", [N(18, CheckDigit, GcpPosition1)], excludes: "8017", key: true);
        Ai(t, "8019", "SRIN", [N(..10)], requires: "8017|8018");
        Ai(t, "8020", "REF No.", [X(..25)], requires: "415");
        Ai(t, "8026", "ITIP CONTENT", [N(14, CheckDigit, GcpPosition2), N(4, PieceOfTotal)], requires: "37", excludes: "02 8006");
        Ai(t, "8030", "DIGSIG", [Z(..90)], requires: "00|01+21|253|255|8003|8004|8006+21|8010+8011|8017|8018");

        // North American coupons and product URL (GS1 gives 8110 and 8112 no data title: these two are descriptive)
        Ai(t, "8110", "COUPON CODE", [X(..70, CouponCode)]);
        Ai(t, "8111", "POINTS", [N(4)], requires: "255");
        Ai(t, "8112", "POSITIVE OFFER FILE COUPON CODE", [X(..70, CouponPositiveOffer)]);
        Ai(t, "8200", "PRODUCT URL", [X(..70)], requires: "01");

        // Company internal information
        Ai(t, "90", "INTERNAL", [X(..30)]);
        Range(t, "91", "99", "INTERNAL", [X(..90)]);
    }

    private static void Ai(
        List<ApplicationIdentifier> table,
        string code,
        string title,
        Gs1Component[] components,
        string? requires = null,
        string? excludes = null,
        bool key = false)
    {
        table.Add(new ApplicationIdentifier(
            code,
            title,
            components,
            ApplicationIdentifiers.IsPredefinedLengthPrefix(code),
            Split(requires),
            Split(excludes),
            key));
    }

    /// <summary>Adds every identifier from <paramref name="first"/> to <paramref name="last"/> with one definition.</summary>
    private static void Range(
        List<ApplicationIdentifier> table,
        string first,
        string last,
        string title,
        Gs1Component[] components,
        string? requires = null,
        string? excludes = null)
    {
        int from = ApplicationIdentifiers.ToNumericKey(first);
        int to = ApplicationIdentifiers.ToNumericKey(last);
        for (int value = from; value <= to; value++)
        {
            string code = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(first.Length, '0');
            Ai(table, code, title, components, requires, excludes);
        }
    }

    private static string[] Split(string? rules) =>
        rules is null ? [] : rules.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Numeric component: <c>N(6)</c> is N6, <c>N(..15)</c> is N..15.</summary>
    private static Gs1Component N(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Numeric, length, linters);

    /// <summary>CSET 82 component.</summary>
    private static Gs1Component X(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset82, length, linters);

    /// <summary>CSET 39 component.</summary>
    private static Gs1Component Y(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset39, length, linters);

    /// <summary>CSET 64 component.</summary>
    private static Gs1Component Z(Length length, params Gs1Linter[] linters) => Component(Gs1CharacterSet.Cset64, length, linters);

    /// <summary>Marks the last component of a field as optional.</summary>
    private static Gs1Component Optional(Gs1Component c) =>
        new(c.CharacterSet, c.MinLength, c.MaxLength, isOptional: true, [.. c.Linters]);

    private static Gs1Component Component(Gs1CharacterSet set, Length length, Gs1Linter[] linters) =>
        new(set, length.Min, length.Max, isOptional: false, linters);

    /// <summary>A component length written as an int (fixed) or a range <c>..max</c> (1 to max).</summary>
    private readonly record struct Length(int Min, int Max)
    {
        public static implicit operator Length(int fixedLength) => new(fixedLength, fixedLength);

        public static implicit operator Length(System.Range range) => new(
            range.Start.IsFromEnd || range.Start.Value == 0 ? 1 : range.Start.Value,
            range.End.Value);
    }
}
