using System.Collections.Frozen;

namespace RecallHub.Sources.Nmvs.Codes;

/// <summary>
/// Every return code and pack state of the national system RecallHub knows, in plain French for the counter, with
/// what to do. The codes come from public pharmacy software and public clients of national systems (see
/// <c>docs/nmvs.md</c>); it is not the official complete list, so an unknown code gets an honest generic sentence,
/// by family when the family is known, and keeps its code.
/// </summary>
internal static class NmvsReturnCodes
{
    private const string Quarantine = "Ne pas la délivrer : la mettre de côté en quarantaine, hors du stock vendable, et prévenir le pharmacien responsable.";
    private const string Falsification = "Ne pas la délivrer : la mettre de côté sous clé, ne pas la renvoyer ni la détruire, vérifier son historique puis signaler la suspicion de falsification au pharmacien responsable, qui alertera le laboratoire et l'ANSM.";
    private const string Pending = "Ne pas la délivrer tant que la vérification n'est pas faite : la mettre de côté ; RecallHub refera la vérification automatiquement.";
    private const string Rescan = "Rescanner la boîte ; si l'alerte persiste, ne pas la délivrer, la mettre de côté et prévenir le pharmacien responsable, qui contactera le laboratoire.";
    private const string Settings = "Mettre la boîte de côté sans la délivrer et prévenir le responsable informatique : la vérification reprendra seule une fois le problème réglé.";

    /// <summary>What the counter reads while a pack waits in the queue.</summary>
    public const string PendingMessage = "Vérification NMVS en attente : le système national de vérification n'a pas pu être interrogé pour l'instant ; la boîte sera vérifiée automatiquement dès que possible.";

    /// <summary>What to do while a pack waits in the queue.</summary>
    public const string PendingAction = Pending;

    /// <summary>The success codes: the request went through.</summary>
    public static readonly FrozenSet<string> Success = FrozenSet.Create(StringComparer.Ordinal, "NMVS_OK", "NMVS_SUCCESS");

    /// <summary>The return codes, by code.</summary>
    public static readonly FrozenDictionary<string, NmvsCodeEntry> Codes = new NmvsCodeEntry[]
    {
        new("NMVS_OK", NmvsOutcome.Ok, "Boîte vérifiée : elle est active dans le système national de vérification.", "Délivrance possible."),
        new("NMVS_SUCCESS", NmvsOutcome.Ok, "Boîte vérifiée : elle est active dans le système national de vérification.", "Délivrance possible."),
        new("NMVS_ERROR", NmvsOutcome.Technical, "Le système national de vérification a rencontré une erreur technique : la boîte n'a pas pu être vérifiée pour l'instant.", Pending),

        new("NMVS_FE_LOT_01", NmvsOutcome.BatchRecalled, "Le lot {batch} de cette boîte a été rappelé : le système national de vérification le signale.", "Ne pas la délivrer : mettre en quarantaine toutes les boîtes du lot {batch}, et suivre la procédure de rappel du laboratoire (retour au grossiste ou au laboratoire)."),
        new("NMVS_FE_LOT_02", NmvsOutcome.DataMismatch, "Le lot {batch} existe dans le système national, mais avec une autre date de péremption que celle lue sur la boîte ({expiry}).", Rescan),
        new("NMVS_FE_LOT_03", NmvsOutcome.DataMismatch, "Le système national ne connaît pas le lot {batch} pour ce produit.", Rescan),
        new("NMVS_FE_LOT_04", NmvsOutcome.DataMismatch, "Le lot {batch} existe dans le système national, mais avec une autre date de péremption que celle lue sur la boîte ({expiry}).", Rescan),
        new("NMVS_FE_LOT_06", NmvsOutcome.DataMismatch, "La date de péremption lue sur la boîte ({expiry}) ne correspond pas à celle enregistrée pour le lot {batch}.", Rescan),
        new("NMVS_FE_LOT_07", NmvsOutcome.DataMismatch, "La date de péremption lue sur la boîte n'est pas une date valide pour le système national.", Rescan),
        new("NMVS_FE_LOT_08", NmvsOutcome.ProductWithdrawn, "Ce produit (ou son lot {batch}) a été retiré du marché : le système national de vérification le signale.", "Ne pas la délivrer : mettre en quarantaine toutes les boîtes de ce produit et suivre les consignes de retrait du laboratoire."),
        new("NMVS_FE_LOT_09", NmvsOutcome.OperationRefused, "Aucune boîte du lot {batch} ne peut être verrouillée dans le système national.", "Aucune action sur la boîte : signaler le refus au pharmacien responsable."),
        new("NMVS_FE_LOT_10", NmvsOutcome.OperationRefused, "Aucune boîte du lot {batch} ne peut être déverrouillée dans le système national.", "Aucune action sur la boîte : signaler le refus au pharmacien responsable."),

        new("NMVS_FE_GR_01", NmvsOutcome.DataMismatch, "Le code produit lu sur la boîte n'est pas un code valide pour le système national.", Rescan),
        new("NMVS_FE_PKI_01", NmvsOutcome.Configuration, "Le certificat de la pharmacie pour le système national de vérification a expiré : la boîte n'a pas pu être vérifiée.", Settings),

        new("NMVS_NC_PC_01", NmvsOutcome.SuspectedFalsification, "Le système national ne connaît pas ce code produit : la boîte pourrait être falsifiée.", Falsification),
        new("NMVS_NC_PC_02", NmvsOutcome.SuspectedFalsification, "Le numéro de série {serial} de cette boîte est inconnu du système national : la boîte pourrait être falsifiée.", Falsification),
        new("NMVS_NC_PC_06", NmvsOutcome.NotInSystem, "Ce produit n'est pas enregistré dans le système national de vérification (aucune alerte levée) : il n'est peut-être pas soumis à la sérialisation.", "Vérifier sur la boîte qu'elle ne porte pas de dispositif anti-effraction ni de code sérialisé ; si c'est le cas, le pharmacien peut lever le blocage, sinon la mettre de côté et prévenir le pharmacien responsable."),
        new("NMVS_NC_PC_07", NmvsOutcome.DataMismatch, "Plusieurs fiches existent pour ce code produit dans le système national : la boîte ne peut pas être vérifiée.", "Ne pas la délivrer : la mettre de côté et prévenir le pharmacien responsable, qui contactera le laboratoire."),
        new("NMVS_NC_PC_10", NmvsOutcome.DataMismatch, "Ce produit national doit être identifié par son code national et non par un GTIN : le système national a refusé la vérification.", "Ne pas la délivrer : la mettre de côté et signaler le problème à l'éditeur du logiciel de la pharmacie."),
        new("NMVS_NC_PC_11", NmvsOutcome.DataMismatch, "Le numéro national de remboursement lu sur la boîte n'est pas valide pour le système national.", Rescan),

        new("NMVS_NC_PCK_01", NmvsOutcome.NotDispensable, "Cette boîte ne peut pas être délivrée : son état dans le système national ({state}) ne le permet pas.", Quarantine),
        new("NMVS_NC_PCK_02", NmvsOutcome.Expired, "Cette boîte est périmée selon le système national (péremption {expiry}).", "Ne pas la délivrer : la retirer du stock et la mettre avec les médicaments périmés à détruire (Cyclamed)."),
        new("NMVS_NC_PCK_03", NmvsOutcome.NotDispensable, "Cette boîte ne peut pas être délivrée : son état dans le système national ({state}) ne le permet pas.", Quarantine),
        new("NMVS_NC_PCK_04", NmvsOutcome.OperationRefused, "L'annulation de délivrance est impossible : le système national n'a pas enregistré cette boîte comme délivrée.", "Ne rien annuler : vérifier l'historique de la boîte avant de la remettre en stock."),
        new("NMVS_NC_PCK_05", NmvsOutcome.OperationRefused, "L'annulation de délivrance est impossible : le délai de 10 jours après la délivrance est dépassé.", "Ne pas remettre la boîte en stock : la mettre de côté pour destruction ou retour, et prévenir le pharmacien responsable."),
        new("NMVS_NC_PCK_06", NmvsOutcome.OperationRefused, "L'annulation demandée ne correspond pas à l'état actuel de la boîte dans le système national ({state}).", "Ne pas remettre la boîte en stock avant d'avoir vérifié son historique avec le pharmacien responsable."),
        new("NMVS_NC_PCK_07", NmvsOutcome.OperationRefused, "Cette boîte n'est pas enregistrée comme exportée : l'annulation de l'export est impossible.", "Ne rien annuler : vérifier l'historique de la boîte avec le pharmacien responsable."),
        new("NMVS_NC_PCK_08", NmvsOutcome.NotDispensable, "Cette boîte est déjà verrouillée dans le système national pour une délivrance en cours.", "Ne pas la délivrer ici : vérifier qu'elle n'est pas en cours de délivrance à un autre poste, sinon la mettre de côté et prévenir le pharmacien responsable."),
        new("NMVS_NC_PCK_09", NmvsOutcome.Expired, "Le lot de cette boîte est périmé selon le système national.", "Ne pas la délivrer : la retirer du stock et la mettre avec les médicaments périmés à détruire (Cyclamed)."),
        new("NMVS_NC_PCK_11", NmvsOutcome.SuspectedFalsification, "Cette boîte est déjà sortie du circuit selon le système national (délivrée, exportée ou détruite).", Falsification),
        new("NMVS_NC_PCK_13", NmvsOutcome.OperationRefused, "L'annulation de la destruction est impossible : le délai est dépassé.", "Laisser la boîte avec les produits à détruire."),
        new("NMVS_NC_PCK_14", NmvsOutcome.OperationRefused, "Cette boîte n'est pas verrouillée dans le système national : le déverrouillage est impossible.", "Aucune action sur la boîte : signaler le refus au pharmacien responsable."),
        new("NMVS_NC_PCK_17", NmvsOutcome.OperationRefused, "Aucune boîte de la demande groupée n'a pu être traitée par le système national.", "Reprendre les boîtes une par une ; ne pas les délivrer avant vérification."),
        new("NMVS_NC_PCK_18", NmvsOutcome.NotDispensable, "Cette boîte porte dans le système national un statut exclusif (échantillon, export…) qui empêche cette opération.", Quarantine),
        new("NMVS_NC_PCK_19", NmvsOutcome.OperationRefused, "Ce statut est déjà enregistré pour cette boîte dans le système national.", "Aucune action nécessaire : vérifier qu'il ne s'agit pas d'un double scan."),
        new("NMVS_NC_PCK_20", NmvsOutcome.OperationRefused, "L'annulation de la modification est impossible : le délai est dépassé.", "Ne pas remettre la boîte en stock ; prévenir le pharmacien responsable."),
        new("NMVS_NC_PCK_21", NmvsOutcome.OperationRefused, "Seule la pharmacie qui a enregistré la délivrance de cette boîte peut l'annuler : l'annulation est refusée.", "Ne pas remettre la boîte en stock : la mettre de côté et prévenir le pharmacien responsable."),
        new("NMVS_NC_PCK_22", NmvsOutcome.SuspectedFalsification, "Cette boîte a déjà été délivrée {where} le {date} : elle n'est plus active dans le système national.", "Ne pas la délivrer : la mettre de côté et vérifier son historique (double scan, boîte prêtée par une autre pharmacie) ; si rien ne l'explique, signaler la suspicion de falsification au pharmacien responsable."),
        new("NMVS_NC_PCK_23", NmvsOutcome.SuspectedFalsification, "Le système national a enregistré un double scan de cette boîte.", "Ne pas la délivrer : vérifier qu'elle n'a pas été scannée deux fois par erreur ; si rien ne l'explique, la mettre de côté et prévenir le pharmacien responsable."),
        new("NMVS_NC_PCK_24", NmvsOutcome.OperationRefused, "Au moins une boîte de la demande groupée n'a pas pu être traitée par le système national.", "Regarder le résultat de chaque boîte ; ne délivrer aucune boîte non vérifiée."),
        new("NMVS_NC_PCK_25", NmvsOutcome.Unknown, "Le système national n'a aucun historique pour cette boîte.", "Ne pas la délivrer avant que le pharmacien responsable ait vérifié la boîte."),

        new("NMVS_TE_XM_01", NmvsOutcome.Technical, "Le système national n'a pas compris la demande (structure XML invalide) : la boîte n'a pas pu être vérifiée.", Pending),
        new("NMVS_TE_XM_02", NmvsOutcome.Technical, "Le système national a refusé la forme de la demande (schéma XML) : la boîte n'a pas pu être vérifiée.", Pending),
        new("NMVS_TI_AU_01", NmvsOutcome.Technical, "Le système national n'a pas pu authentifier la pharmacie pour une raison technique : la boîte n'a pas pu être vérifiée.", Pending),
        new("NMVS_TI_RT_02", NmvsOutcome.Technical, "Le système national n'a pas pu joindre ses serveurs centraux : la boîte n'a pas pu être vérifiée.", Pending),
        new("NMVS_TI_TO_01", NmvsOutcome.Technical, "Le système national n'a pas répondu à temps : la boîte n'a pas pu être vérifiée.", Pending),
    }.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>The pack states, by state as the system spells it.</summary>
    public static readonly FrozenDictionary<string, NmvsCodeEntry> PackStates = new NmvsCodeEntry[]
    {
        new("Active", NmvsOutcome.Ok, "Boîte vérifiée : elle est active dans le système national de vérification.", "Délivrance possible."),
        new("Supplied", NmvsOutcome.SuspectedFalsification, "Cette boîte a déjà été délivrée {where} le {date} : elle n'est plus active dans le système national.", "Ne pas la délivrer : la mettre de côté et vérifier son historique (double scan, boîte prêtée par une autre pharmacie) ; si rien ne l'explique, signaler la suspicion de falsification au pharmacien responsable."),
        new("Destroyed", NmvsOutcome.SuspectedFalsification, "Cette boîte est enregistrée comme détruite dans le système national depuis le {date} : elle ne devrait plus exister.", Falsification),
        new("Exported", NmvsOutcome.NotDispensable, "Cette boîte est enregistrée comme exportée hors de l'Union européenne depuis le {date} : elle ne doit pas être délivrée en France.", Quarantine),
        new("Sample", NmvsOutcome.NotDispensable, "Cette boîte est enregistrée comme échantillon dans le système national : elle ne peut pas être délivrée.", Quarantine),
        new("Free sample", NmvsOutcome.NotDispensable, "Cette boîte est enregistrée comme échantillon gratuit dans le système national : elle ne peut pas être délivrée.", Quarantine),
        new("Locked", NmvsOutcome.NotDispensable, "Cette boîte est verrouillée dans le système national (enquête en cours ou délivrance en cours ailleurs).", Quarantine),
        new("Stolen", NmvsOutcome.SuspectedFalsification, "Cette boîte est déclarée volée dans le système national.", Falsification),
        new("Checked-out", NmvsOutcome.NotDispensable, "Cette boîte est sortie du système national de vérification (hors circuit contrôlé) : elle ne peut pas être vérifiée.", Quarantine),
        new("Expired", NmvsOutcome.Expired, "Cette boîte est périmée selon le système national (péremption {expiry}).", "Ne pas la délivrer : la retirer du stock et la mettre avec les médicaments périmés à détruire (Cyclamed)."),
    }.ToFrozenDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry of a return code: the table's, else one by family, else a generic one. Never null.</summary>
    /// <param name="code">The return code as received.</param>
    public static NmvsCodeEntry Describe(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Codes.TryGetValue(code, out var known))
        {
            return known;
        }

        // Unknown codes are expected (the list is not official): say honestly which kind of problem it is.
        return code switch
        {
            _ when code.StartsWith("NMVS_TE_", StringComparison.Ordinal) || code.StartsWith("NMVS_TI_", StringComparison.Ordinal) =>
                new(code, NmvsOutcome.Technical, "Le système national a rencontré une erreur technique ({code}) : la boîte n'a pas pu être vérifiée pour l'instant.", Pending),
            _ when code.StartsWith("NMVS_FE_AU_", StringComparison.Ordinal) =>
                new(code, NmvsOutcome.Configuration, "Le système national a refusé l'identification de la pharmacie ({code}) : la boîte n'a pas pu être vérifiée.", Settings),
            _ when code.StartsWith("NMVS_FE_PKI_", StringComparison.Ordinal) =>
                new(code, NmvsOutcome.Configuration, "Le système national a refusé le certificat de la pharmacie ({code}) : la boîte n'a pas pu être vérifiée.", Settings),
            _ => new(code, NmvsOutcome.Unknown, "Le système national a répondu par un code que RecallHub ne connaît pas ({code}) : la boîte n'est pas vérifiée.", "Ne pas la délivrer : la mettre de côté et demander au pharmacien responsable de vérifier ce code auprès de France MVO."),
        };
    }
}
