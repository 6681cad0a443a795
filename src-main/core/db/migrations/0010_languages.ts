// Migration 0010 (frozen once shipped): languages. The clinic's language, each patient's preferred
// language, the language an exercise's own text is written in, and exercise texts in other
// languages — with the built-in catalog in Ukrainian, Polish, German and Spanish.
// The texts are copied here on purpose: a shipped migration must give every database the same rows.
// They are translations of clinical instructions and need review by a clinician who speaks each language.
import type { Kysely, Migration } from 'kysely'
import { idColumn } from './dialect'

interface Text {
  name: string
  purpose: string
  steps: string[]
  mistakes: string[]
  /** As many stages as the English text: a program's stage number keeps its meaning. */
  stages: string[]
  safety: string
  reps_text?: string
}

type Slug = 'towel-crumpling' | 'short-foot' | 'barefoot-transition' | 'toe-yoga' | 'heel-raises' | 'single-leg-balance'

const UK: Record<Slug, Text> = {
  'towel-crumpling': {
    name: 'Збирання рушника пальцями',
    purpose: 'Зміцнює дрібні м’язи під стопою, які підтримують склепіння.',
    steps: [
      'Сядьте на стілець, перед вами на гладкій підлозі рівно лежить невеликий рушник.',
      'Поставте стопу на ближчий край рушника, п’ята на підлозі.',
      'Лише пальцями і склепінням стопи потроху підтягуйте рушник до себе.',
      'Увесь час тримайте п’яту на підлозі.',
      'Коли рушник зібрано під стопою, знову розправте його. Це один підхід.',
    ],
    mistakes: [
      'Піднімати п’яту або тягнути рушник рухом ноги.',
      'Поспішати: кожне підтягування має бути повільним і контрольованим.',
      'Виконувати на килимі, де рушник не ковзає.',
    ],
    stages: ['Сидячи, лише рушник', 'Сидячи, з невеликим вантажем на дальньому краї рушника', 'Стоячи'],
    safety: '',
    reps_text: 'доки рушник не буде зібрано (приблизно 10–15 підтягувань)',
  },
  'short-foot': {
    name: 'Вправа «коротка стопа» (підйом склепіння)',
    purpose: 'Тренує глибокі м’язи склепіння піднімати й утримувати його: основна вправа програми.',
    steps: [
      'Поставте стопу рівно на підлогу, розслабте її.',
      'Не підгинаючи пальців, підтягніть подушечку стопи до п’яти, щоб склепіння піднялося.',
      'Пальці залишаються довгими і рівними на підлозі, п’ята і подушечка стопи – внизу.',
      'Утримуйте склепіння піднятим зазначений час, дихайте спокійно.',
      'Повільно розслабте. Це одне повторення.',
    ],
    mistakes: ['Підгинати або стискати пальці замість того, щоб піднімати склепіння.', 'Перекочувати стопу на зовнішній край.', 'Затримувати дихання.'],
    stages: ['Сидячи', 'Стоячи на обох ногах', 'Стоячи на одній нозі', 'З легким згинанням коліна або підйомом на носки, потім у повсякденних рухах (присідання на одній нозі, крок униз)'],
    safety: '',
  },
  'barefoot-transition': {
    name: 'Мінімалістичне взуття / перехід до ходьби босоніж',
    purpose: 'Дає м’язам стопи працювати в повсякденному житті, крок за кроком: спочатку ходьба, біг – лише через кілька місяців.',
    steps: [
      'Почніть з ходьби босоніж удома зазначену кількість хвилин щодня.',
      'Коли це легко, носіть мінімалістичне взуття для повсякденної ходьби, щотижня трохи довше (спочатку близько 2 500 кроків на день, поступово до близько 7 000).',
      'Біг – в останню чергу і лише тоді, коли скаже терапевт: почніть з коротких пробіжок, що становлять малу частину вашого тижневого бігу.',
      'Перехід на біг у мінімалістичному взутті триває щонайменше 3–4 місяці. Не поспішайте, навіть коли здається легко: кістки пристосовуються повільніше за м’язи.',
    ],
    mistakes: ['Змінювати все одразу: стопі та її кісткам потрібні місяці, щоб пристосуватися.', 'Бігати в мінімалістичному взутті, поки ходьба в ньому ще не легка.', 'Продовжувати попри біль.'],
    stages: [
      'Ходьба босоніж удома, 10–15 хвилин на день',
      'Мінімалістичне взуття для повсякденної ходьби',
      'Короткі пробіжки в мінімалістичному взутті, лише з дозволу терапевта (мала частина тижневого бігу)',
      'Більше бігу в мінімалістичному взутті, поступово протягом щонайменше 3–4 місяців',
    ],
    safety:
      'Припиніть і зателефонуйте до клініки, якщо відчуваєте біль на тильній поверхні середньої частини стопи (це може бути стресова травма кістки) або біль у п’яті чи ахілловому сухожиллі, що не минає до наступного дня.',
  },
  'toe-yoga': {
    name: 'Розведення пальців і «йога для пальців»',
    purpose: 'Покращує окреме керування великим пальцем і малими пальцями.',
    steps: [
      'Сядьте, стопи рівно на підлозі.',
      'Підніміть лише великий палець, малі пальці залишаються внизу. Утримуйте.',
      'Потім притисніть великий палець і підніміть малі пальці. Утримуйте.',
      'Наостанок розведіть усі пальці якомога ширше і розслабте.',
    ],
    mistakes: ['Перекочувати стопу всередину або назовні.', 'Піднімати всю передню частину стопи.'],
    stages: ['Сидячи', 'Стоячи'],
    safety: '',
  },
  'heel-raises': {
    name: 'Підйоми на носки',
    purpose: 'Зміцнює литку і м’язи стопи разом, зі склепінням, утримуваним угорі.',
    steps: [
      'Станьте на обидві ноги, злегка тримаючись за стіну або стілець.',
      'Спочатку підніміть склепіння («коротка стопа»), потім повільно підніміться на подушечки стоп.',
      'Повільно опустіться, утримуючи склепіння піднятим.',
    ],
    mistakes: ['Перекочуватися на малі пальці.', 'Швидко опускатися.'],
    stages: ['Обидві стопи на підлозі', 'Обидві стопи на краю сходинки', 'Одна нога'],
    safety: '',
  },
  'single-leg-balance': {
    name: 'Рівновага на одній нозі',
    purpose: 'Тренує стопу утримувати рівновагу всього тіла.',
    steps: [
      'Для безпеки станьте на одну ногу біля стіни або стільця.',
      'Склепіння злегка підняте, пальці розслаблено лежать на підлозі.',
      'Утримуйте рівновагу зазначений час, потім змініть ногу.',
    ],
    mistakes: ['Чіплятися пальцями за підлогу.', 'Блокувати коліно в повному розгинанні.'],
    stages: ['Очі відкриті, тверда підлога', 'Очі заплющені', 'На подушці'],
    safety: '',
  },
}

const PL: Record<Slug, Text> = {
  'towel-crumpling': {
    name: 'Zbieranie ręcznika palcami',
    purpose: 'Wzmacnia małe mięśnie pod stopą, które podtrzymują łuk.',
    steps: [
      'Usiądź na krześle; przed Tobą na gładkiej podłodze leży płasko mały ręcznik.',
      'Postaw stopę płasko na bliższym końcu ręcznika, pięta na podłodze.',
      'Samymi palcami i łukiem stopy przyciągaj ręcznik do siebie, kawałek po kawałku.',
      'Przez cały czas trzymaj piętę na podłodze.',
      'Gdy ręcznik jest zebrany pod stopą, rozłóż go ponownie. To jedna seria.',
    ],
    mistakes: ['Unoszenie pięty lub ciągnięcie ręcznika ruchem nogi.', 'Pośpiech: każde przyciągnięcie ma być powolne i kontrolowane.', 'Ćwiczenie na dywanie, po którym ręcznik się nie przesuwa.'],
    stages: ['Siedząc, sam ręcznik', 'Siedząc, z małym obciążeniem na dalszym końcu ręcznika', 'Na stojąco'],
    safety: '',
    reps_text: 'aż ręcznik zostanie zebrany (około 10–15 przyciągnięć)',
  },
  'short-foot': {
    name: 'Ćwiczenie „krótka stopa” (unoszenie łuku)',
    purpose: 'Uczy głębokie mięśnie łuku unosić go i utrzymywać: główne ćwiczenie programu.',
    steps: [
      'Postaw stopę płasko na podłodze, rozluźnioną.',
      'Bez podkurczania palców przyciągnij przodostopie w stronę pięty, tak aby łuk się uniósł.',
      'Palce pozostają długie i płasko na podłodze, pięta i przodostopie na dole.',
      'Utrzymaj uniesiony łuk przez podany czas, oddychając normalnie.',
      'Powoli rozluźnij. To jedno powtórzenie.',
    ],
    mistakes: ['Podkurczanie lub zaciskanie palców zamiast unoszenia łuku.', 'Przetaczanie stopy na zewnętrzną krawędź.', 'Wstrzymywanie oddechu.'],
    stages: ['Siedząc', 'Stojąc na obu stopach', 'Stojąc na jednej stopie', 'Z lekkim ugięciem kolana lub wspięciem na palce, potem w zadaniach funkcjonalnych (przysiad na jednej nodze, zejście ze stopnia)'],
    safety: '',
  },
  'barefoot-transition': {
    name: 'Obuwie minimalistyczne / przejście na chodzenie boso',
    purpose: 'Pozwala mięśniom stopy pracować w codziennym życiu, krok po kroku: najpierw chodzenie, bieganie dopiero po miesiącach.',
    steps: [
      'Zacznij od chodzenia boso w domu przez podaną liczbę minut, codziennie.',
      'Gdy to jest łatwe, noś obuwie minimalistyczne do codziennego chodzenia, co tydzień trochę dłużej (na początku około 2500 kroków dziennie, stopniowo do około 7000).',
      'Bieganie na końcu i tylko wtedy, gdy pozwoli terapeuta: zacznij od krótkich biegów, stanowiących małą część Twojego tygodniowego biegania.',
      'Przejście na bieganie w obuwiu minimalistycznym trwa co najmniej 3–4 miesiące. Nie spiesz się, nawet gdy wydaje się łatwe: kości przystosowują się wolniej niż mięśnie.',
    ],
    mistakes: ['Zmienianie wszystkiego naraz: stopa i jej kości potrzebują miesięcy, aby się przystosować.', 'Bieganie w obuwiu minimalistycznym, zanim chodzenie w nim stanie się łatwe.', 'Kontynuowanie mimo bólu.'],
    stages: [
      'Chodzenie boso w domu, 10–15 minut dziennie',
      'Obuwie minimalistyczne do codziennego chodzenia',
      'Krótkie biegi w obuwiu minimalistycznym, tylko za zgodą terapeuty (mała część tygodniowego biegania)',
      'Więcej biegania w obuwiu minimalistycznym, stopniowo przez co najmniej 3–4 miesiące',
    ],
    safety:
      'Przerwij i zadzwoń do gabinetu, jeśli czujesz ból na grzbiecie śródstopia (może to być przeciążeniowe uszkodzenie kości) albo ból pięty lub ścięgna Achillesa, który utrzymuje się do następnego dnia.',
  },
  'toe-yoga': {
    name: 'Rozczapierzanie palców i „joga palców”',
    purpose: 'Poprawia oddzielną kontrolę palucha i pozostałych palców.',
    steps: ['Usiądź, stopy płasko na podłodze.', 'Unieś tylko paluch, pozostałe palce zostają na dole. Przytrzymaj.', 'Następnie dociśnij paluch i unieś pozostałe palce. Przytrzymaj.', 'Na koniec rozczapierz wszystkie palce jak najszerzej i rozluźnij.'],
    mistakes: ['Przetaczanie stopy do środka lub na zewnątrz.', 'Unoszenie całego przodostopia.'],
    stages: ['Siedząc', 'Na stojąco'],
    safety: '',
  },
  'heel-raises': {
    name: 'Wspięcia na palce',
    purpose: 'Wzmacnia łydkę i mięśnie stopy jednocześnie, przy uniesionym łuku.',
    steps: ['Stań na obu stopach, lekko trzymając się ściany lub krzesła.', 'Najpierw unieś łuk („krótka stopa”), potem powoli wespnij się na przodostopie.', 'Powoli opuść się, utrzymując uniesiony łuk.'],
    mistakes: ['Przetaczanie się na małe palce.', 'Szybkie opadanie.'],
    stages: ['Obie stopy na podłodze', 'Obie stopy na krawędzi stopnia', 'Jedna stopa'],
    safety: '',
  },
  'single-leg-balance': {
    name: 'Równowaga na jednej nodze',
    purpose: 'Uczy stopę stabilizować całe ciało.',
    steps: ['Dla bezpieczeństwa stań na jednej nodze przy ścianie lub krześle.', 'Łuk lekko uniesiony, palce swobodnie na podłodze.', 'Utrzymaj równowagę przez podany czas, potem zmień nogę.'],
    mistakes: ['Chwytanie podłogi palcami.', 'Blokowanie kolana w pełnym wyproście.'],
    stages: ['Oczy otwarte, twarde podłoże', 'Oczy zamknięte', 'Na poduszce'],
    safety: '',
  },
}

const DE: Record<Slug, Text> = {
  'towel-crumpling': {
    name: 'Handtuch raffen',
    purpose: 'Kräftigt die kleinen Muskeln unter dem Fuß, die das Gewölbe halten.',
    steps: [
      'Setzen Sie sich auf einen Stuhl; vor Ihnen liegt ein kleines Handtuch glatt auf einem glatten Boden.',
      'Stellen Sie den Fuß flach auf das nahe Ende des Handtuchs, die Ferse auf dem Boden.',
      'Ziehen Sie das Handtuch nur mit den Zehen und dem Fußgewölbe Stück für Stück zu sich heran.',
      'Lassen Sie die Ferse die ganze Zeit auf dem Boden.',
      'Ist das Handtuch unter dem Fuß gerafft, breiten Sie es wieder aus. Das ist ein Satz.',
    ],
    mistakes: ['Die Ferse anheben oder das Handtuch mit dem Bein ziehen.', 'Hetzen: Jeder Zug soll langsam und kontrolliert sein.', 'Auf Teppich üben, wo das Handtuch nicht rutscht.'],
    stages: ['Im Sitzen, nur Handtuch', 'Im Sitzen, mit einem kleinen Gewicht am fernen Ende des Handtuchs', 'Im Stehen'],
    safety: '',
    reps_text: 'bis das Handtuch gerafft ist (etwa 10–15 Züge)',
  },
  'short-foot': {
    name: 'Kurzer Fuß (Gewölbe aufrichten)',
    purpose: 'Trainiert die tiefen Gewölbemuskeln, das Gewölbe anzuheben und zu halten: die Kernübung des Programms.',
    steps: [
      'Stellen Sie den Fuß entspannt flach auf den Boden.',
      'Ziehen Sie, ohne die Zehen einzukrallen, den Fußballen Richtung Ferse, sodass sich das Gewölbe hebt.',
      'Die Zehen bleiben lang und flach am Boden, Ferse und Fußballen unten.',
      'Halten Sie das Gewölbe für die angegebene Zeit oben und atmen Sie normal weiter.',
      'Langsam lösen. Das ist eine Wiederholung.',
    ],
    mistakes: ['Die Zehen einkrallen statt das Gewölbe zu heben.', 'Den Fuß auf die Außenkante rollen.', 'Die Luft anhalten.'],
    stages: ['Im Sitzen', 'Im Stand auf beiden Füßen', 'Im Stand auf einem Fuß', 'Mit leichter Kniebeuge oder Fersenheben, dann bei Alltagsbewegungen (einbeinige Kniebeuge, Stufe abwärts)'],
    safety: '',
  },
  'barefoot-transition': {
    name: 'Minimalschuhe / Umstieg auf Barfußgehen',
    purpose: 'Lässt die Fußmuskeln im Alltag arbeiten, Schritt für Schritt: zuerst Gehen, Laufen erst Monate später.',
    steps: [
      'Beginnen Sie damit, zu Hause täglich die angegebenen Minuten barfuß zu gehen.',
      'Wenn das leicht fällt, tragen Sie Minimalschuhe beim alltäglichen Gehen, jede Woche etwas länger (anfangs etwa 2.500 Schritte am Tag, langsam steigern auf etwa 7.000).',
      'Laufen kommt zuletzt und nur, wenn Ihre Therapeutin / Ihr Therapeut es erlaubt: Beginnen Sie mit kurzen Läufen, die einen kleinen Teil Ihres wöchentlichen Laufens ausmachen.',
      'Der Umstieg auf das Laufen in Minimalschuhen dauert mindestens 3–4 Monate. Gehen Sie es langsam an, auch wenn es sich leicht anfühlt: Knochen passen sich langsamer an als Muskeln.',
    ],
    mistakes: ['Alles auf einmal ändern: Fuß und Knochen brauchen Monate, um sich anzupassen.', 'In Minimalschuhen laufen, bevor das Gehen darin leicht fällt.', 'Trotz Schmerzen weitermachen.'],
    stages: [
      'Barfußgehen zu Hause, 10–15 Minuten am Tag',
      'Minimalschuhe beim alltäglichen Gehen',
      'Kurze Läufe in Minimalschuhen, nur wenn die Therapie es erlaubt (ein kleiner Teil des wöchentlichen Laufens)',
      'Mehr Laufen in Minimalschuhen, schrittweise über mindestens 3–4 Monate',
    ],
    safety:
      'Hören Sie auf und rufen Sie die Praxis an, wenn Sie Schmerzen auf dem Fußrücken über dem Mittelfuß haben (es kann eine Stressreaktion des Knochens sein) oder Fersen- oder Achillessehnenschmerzen, die am nächsten Tag noch da sind.',
  },
  'toe-yoga': {
    name: 'Zehen spreizen und Zehen-Yoga',
    purpose: 'Verbessert die getrennte Kontrolle von Großzehe und kleinen Zehen.',
    steps: ['Setzen Sie sich, die Füße flach auf dem Boden.', 'Heben Sie nur die Großzehe, die kleinen Zehen bleiben unten. Halten.', 'Dann die Großzehe nach unten drücken und die kleinen Zehen heben. Halten.', 'Zum Schluss alle Zehen so weit wie möglich spreizen und lösen.'],
    mistakes: ['Den Fuß nach innen oder außen rollen.', 'Den ganzen Vorfuß anheben.'],
    stages: ['Im Sitzen', 'Im Stehen'],
    safety: '',
  },
  'heel-raises': {
    name: 'Fersenheben',
    purpose: 'Kräftigt Wade und Fußmuskeln zusammen, bei gehaltenem Gewölbe.',
    steps: ['Stellen Sie sich auf beide Füße und halten Sie sich leicht an einer Wand oder einem Stuhl fest.', 'Zuerst das Gewölbe heben (kurzer Fuß), dann langsam auf die Fußballen hochgehen.', 'Langsam absenken und dabei das Gewölbe oben halten.'],
    mistakes: ['Auf die kleinen Zehen nach außen rollen.', 'Schnell absinken.'],
    stages: ['Beide Füße auf dem Boden', 'Beide Füße auf einer Stufenkante', 'Ein Fuß'],
    safety: '',
  },
  'single-leg-balance': {
    name: 'Einbeinstand',
    purpose: 'Trainiert den Fuß, den ganzen Körper zu stabilisieren.',
    steps: ['Stellen Sie sich zur Sicherheit neben einer Wand oder einem Stuhl auf ein Bein.', 'Das Gewölbe leicht angehoben, die Zehen entspannt auf dem Boden.', 'Halten Sie das Gleichgewicht für die angegebene Zeit, dann Seite wechseln.'],
    mistakes: ['Mit den Zehen in den Boden krallen.', 'Das Knie durchstrecken.'],
    stages: ['Augen offen, fester Boden', 'Augen geschlossen', 'Auf einem Kissen'],
    safety: '',
  },
}

const ES: Record<Slug, Text> = {
  'towel-crumpling': {
    name: 'Arrugar la toalla',
    purpose: 'Fortalece los pequeños músculos de la planta del pie que sostienen el arco.',
    steps: [
      'Siéntate en una silla con una toalla pequeña extendida sobre un suelo liso delante de ti.',
      'Apoya el pie plano sobre el extremo cercano de la toalla, con el talón en el suelo.',
      'Usando solo los dedos y el arco del pie, tira de la toalla hacia ti poco a poco.',
      'Mantén el talón en el suelo todo el tiempo.',
      'Cuando la toalla esté recogida bajo el pie, vuelve a extenderla. Eso es una serie.',
    ],
    mistakes: ['Levantar el talón o mover la pierna para arrastrar la toalla.', 'Ir deprisa: cada tirón debe ser lento y controlado.', 'Hacerlo sobre una alfombra, donde la toalla no se desliza.'],
    stages: ['Sentado, solo la toalla', 'Sentado, con un pequeño peso en el extremo lejano de la toalla', 'De pie'],
    safety: '',
    reps_text: 'hasta recoger la toalla (unos 10–15 tirones)',
  },
  'short-foot': {
    name: 'Ejercicio de pie corto (elevación del arco)',
    purpose: 'Entrena los músculos profundos del arco para elevarlo y mantenerlo: el ejercicio central del programa.',
    steps: [
      'Apoya el pie plano en el suelo, relajado.',
      'Sin encoger los dedos, acerca la bola del pie hacia el talón para que el arco se eleve.',
      'Los dedos quedan largos y planos en el suelo; el talón y la bola del pie, abajo.',
      'Mantén el arco elevado el tiempo indicado, respirando con normalidad.',
      'Relaja despacio. Eso es una repetición.',
    ],
    mistakes: ['Encoger o agarrar con los dedos en lugar de elevar el arco.', 'Rodar el pie hacia su borde externo.', 'Contener la respiración.'],
    stages: ['Sentado', 'De pie sobre ambos pies', 'De pie sobre un pie', 'Con una ligera flexión de rodilla o elevación de talones, luego en tareas funcionales (sentadilla a una pierna, bajar un escalón)'],
    safety: '',
  },
  'barefoot-transition': {
    name: 'Calzado minimalista / transición a caminar descalzo',
    purpose: 'Deja que los músculos del pie trabajen en la vida diaria, paso a paso: primero caminar, correr solo meses después.',
    steps: [
      'Empieza caminando descalzo en casa los minutos indicados, cada día.',
      'Cuando te resulte fácil, usa calzado minimalista para caminar a diario, un poco más cada semana (al principio unos 2.500 pasos al día, hasta llegar a unos 7.000).',
      'Correr va al final, y solo cuando tu fisioterapeuta lo indique: empieza con carreras cortas que sean una parte pequeña de lo que corres a la semana.',
      'Pasar a correr con calzado minimalista lleva al menos 3–4 meses. Ve despacio aunque parezca fácil: los huesos se adaptan más despacio que los músculos.',
    ],
    mistakes: ['Cambiarlo todo a la vez: el pie y sus huesos necesitan meses para adaptarse.', 'Correr con calzado minimalista antes de que caminar con él resulte fácil.', 'Seguir a pesar del dolor.'],
    stages: [
      'Caminar descalzo en casa, 10–15 minutos al día',
      'Calzado minimalista para caminar a diario',
      'Carreras cortas con calzado minimalista, solo si tu fisioterapeuta lo permite (una parte pequeña de lo que corres a la semana)',
      'Más carrera con calzado minimalista, paso a paso durante al menos 3–4 meses',
    ],
    safety:
      'Para y llama a la clínica si sientes dolor en el dorso del mediopié (puede ser una lesión por estrés óseo), o dolor en el talón o en el tendón de Aquiles que sigue ahí al día siguiente.',
  },
  'toe-yoga': {
    name: 'Separar los dedos y yoga de dedos',
    purpose: 'Mejora el control por separado del dedo gordo y de los dedos pequeños.',
    steps: ['Siéntate con los pies planos en el suelo.', 'Levanta solo el dedo gordo mientras los dedos pequeños quedan abajo. Mantén.', 'Después presiona el dedo gordo hacia abajo y levanta los dedos pequeños. Mantén.', 'Por último separa todos los dedos tanto como puedas y relaja.'],
    mistakes: ['Rodar el pie hacia dentro o hacia fuera.', 'Levantar toda la parte delantera del pie.'],
    stages: ['Sentado', 'De pie'],
    safety: '',
  },
  'heel-raises': {
    name: 'Elevaciones de talones',
    purpose: 'Fortalece la pantorrilla y los músculos del pie a la vez, con el arco elevado.',
    steps: ['De pie sobre ambos pies, apóyate ligeramente en una pared o una silla.', 'Primero eleva el arco (pie corto) y luego sube despacio sobre la bola de los pies.', 'Baja despacio, manteniendo el arco elevado.'],
    mistakes: ['Rodar hacia los dedos pequeños.', 'Bajar de golpe.'],
    stages: ['Ambos pies en el suelo', 'Ambos pies en el borde de un escalón', 'Un pie'],
    safety: '',
  },
  'single-leg-balance': {
    name: 'Equilibrio sobre una pierna',
    purpose: 'Entrena al pie para estabilizar todo el cuerpo.',
    steps: ['Ponte sobre un pie cerca de una pared o una silla por seguridad.', 'Mantén el arco ligeramente elevado y los dedos relajados en el suelo.', 'Mantén el equilibrio el tiempo indicado y luego cambia de pie.'],
    mistakes: ['Agarrarse al suelo con los dedos.', 'Bloquear la rodilla.'],
    stages: ['Ojos abiertos, suelo firme', 'Ojos cerrados', 'Sobre un cojín'],
    safety: '',
  },
}

const TEXTS: [string, Record<Slug, Text>][] = [
  ['uk', UK],
  ['pl', PL],
  ['de', DE],
  ['es', ES],
]

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0010_languages: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('clinic_settings').addColumn('language', 'text', (c) => c.notNull().defaultTo('en')).execute()
    // Every patient so far reads the clinic's language, which is English until the clinic changes it.
    await db.schema.alterTable('patients').addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('en')).execute()
    // The language of an exercise's own text (the columns of `exercises`); built-ins are English.
    await db.schema.alterTable('exercises').addColumn('language', 'text', (c) => c.notNull().defaultTo('en')).execute()

    await db.schema
      .createTable('exercise_texts')
      .addColumn('id', ...idColumn(db))
      .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('steps_json', 'text', (c) => c.notNull())
      .addColumn('mistakes_json', 'text', (c) => c.notNull())
      .addColumn('stages_json', 'text', (c) => c.notNull())
      .addColumn('safety', 'text', (c) => c.notNull().defaultTo(''))
      // The repetitions text ("until the towel is gathered") in this language, where the dosage has one.
      .addColumn('reps_text', 'text')
      .addUniqueConstraint('exercise_texts_exercise_language', ['exercise_id', 'language'])
      .execute()

    const builtins = await db.selectFrom('exercises').select(['id', 'slug']).where('builtin', '=', 1).execute()
    for (const { id, slug } of builtins) {
      for (const [language, texts] of TEXTS) {
        const t = texts[slug as Slug]
        if (!t) continue
        await db
          .insertInto('exercise_texts')
          .values({
            exercise_id: id,
            language,
            name: t.name,
            purpose: t.purpose,
            steps_json: JSON.stringify(t.steps),
            mistakes_json: JSON.stringify(t.mistakes),
            stages_json: JSON.stringify(t.stages),
            safety: t.safety,
            reps_text: t.reps_text ?? null,
          })
          .execute()
      }
    }
  },
}
