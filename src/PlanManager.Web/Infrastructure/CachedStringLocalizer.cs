using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// The texts of the resource files, each looked up once per language and then read from a dictionary (issue 18). The
/// framework's localizer asks the ResourceManager on every use, which takes a lock shared by every request: a job list page
/// uses about a hundred texts, and under load the requests queued on that lock (docs/benchmarks.md). What a text says is
/// unchanged: the first lookup is the framework's own, with its fallback to the parent language and to the key.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();

    public IStringLocalizer Create(Type resourceSource) => _byType.GetOrAdd(resourceSource, t => new CachedStringLocalizer(inner.Create(t)));

    // Views and tag helpers localised by path (not used by this app's views, which inject the shared texts) keep the framework's.
    public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
}

/// <summary>One resource file's texts per UI culture; see <see cref="CachedStringLocalizerFactory"/>.</summary>
public sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Texts kept at most (the resource files hold about 1,500 keys in each of three languages).</summary>
    public const int MaxTexts = 20_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = inner[name];
            // Keys are the resource names in three languages; a key built from anything else is looked up every time.
            if (_texts.Count < MaxTexts)
            {
                _texts.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            // As the framework's localizer formats: the text (or the key when missing) with the current culture's numbers and dates.
            var value = string.Format(CultureInfo.CurrentCulture, text.Value, arguments);
            return new LocalizedString(name, value, text.ResourceNotFound, text.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
