namespace RecallHub.Sources.Ansm.Notices;

/// <summary>The health-product type ANSM files a notice under.</summary>
internal enum HealthProductType
{
    /// <summary>Not stated, or a type this plugin does not know.</summary>
    Unknown = 0,

    /// <summary>Médicaments.</summary>
    Medicine = 1,

    /// <summary>Dispositifs médicaux (DM).</summary>
    MedicalDevice = 2,

    /// <summary>Dispositifs médicaux de diagnostic in vitro (DMDIV).</summary>
    InVitroDiagnostic = 3,

    /// <summary>Another type ANSM names (cosmétiques, produits sanguins…).</summary>
    Other = 4,
}
