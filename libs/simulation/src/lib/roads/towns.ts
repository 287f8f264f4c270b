import type { Town, TownId } from './road-network';

/*
 * Places are real (stations, squares, hospitals, industrial areas); the roads between them follow the
 * streets and motorways a driver would take, drawn with a few bends each rather than traced from a map.
 */

const SODERTALJE: Town = {
  id: 'sodertalje',
  name: 'Södertälje',
  places: {
    'Stora torget': { lat: 59.1959, lon: 17.6268 },
    'Södertälje hamn': { lat: 59.1797, lon: 17.6461 },
    'Scania, Verkstadsvägen': { lat: 59.1745, lon: 17.6505 },
    'Södertälje syd': { lat: 59.1629, lon: 17.6452 },
    Moraberg: { lat: 59.184, lon: 17.664 },
    Gärtuna: { lat: 59.2165, lon: 17.6365 },
    Ronna: { lat: 59.204, lon: 17.5985 },
    Hovsjö: { lat: 59.1915, lon: 17.5855 },
    Pershagen: { lat: 59.153, lon: 17.663 },
  },
  roads: [
    {
      from: 'Stora torget',
      to: 'Södertälje hamn',
      via: [
        { lat: 59.1905, lon: 17.6318 },
        { lat: 59.1842, lon: 17.6405 },
      ],
      kmh: 40,
    },
    { from: 'Södertälje hamn', to: 'Scania, Verkstadsvägen', via: [{ lat: 59.1771, lon: 17.6476 }], kmh: 40 },
    {
      from: 'Scania, Verkstadsvägen',
      to: 'Södertälje syd',
      via: [
        { lat: 59.1698, lon: 17.6521 },
        { lat: 59.1655, lon: 17.6478 },
      ],
      kmh: 70,
    },
    {
      from: 'Stora torget',
      to: 'Moraberg',
      via: [
        { lat: 59.1931, lon: 17.6392 },
        { lat: 59.1878, lon: 17.6545 },
      ],
      kmh: 50,
    },
    { from: 'Moraberg', to: 'Scania, Verkstadsvägen', via: [{ lat: 59.1792, lon: 17.6602 }], kmh: 50 },
    {
      from: 'Stora torget',
      to: 'Ronna',
      via: [
        { lat: 59.1992, lon: 17.6183 },
        { lat: 59.2021, lon: 17.6062 },
      ],
      kmh: 50,
    },
    {
      from: 'Ronna',
      to: 'Gärtuna',
      via: [
        { lat: 59.2098, lon: 17.6101 },
        { lat: 59.2139, lon: 17.6248 },
      ],
      kmh: 50,
    },
    {
      from: 'Stora torget',
      to: 'Hovsjö',
      via: [
        { lat: 59.1948, lon: 17.6122 },
        { lat: 59.1925, lon: 17.5978 },
      ],
      kmh: 50,
    },
    { from: 'Södertälje syd', to: 'Pershagen', via: [{ lat: 59.1588, lon: 17.6525 }], kmh: 70 },
    {
      from: 'Pershagen',
      to: 'Moraberg',
      via: [
        { lat: 59.1642, lon: 17.6688 },
        { lat: 59.1751, lon: 17.6702 },
      ],
      kmh: 70,
    },
    // E4/E20 past Saltskog: the motorway round the town's east side.
    {
      from: 'Gärtuna',
      to: 'Moraberg',
      via: [
        { lat: 59.2101, lon: 17.6512 },
        { lat: 59.1972, lon: 17.6631 },
      ],
      kmh: 110,
    },
  ],
};

const STOCKHOLM: Town = {
  id: 'stockholm',
  name: 'Stockholm',
  places: {
    'T-Centralen': { lat: 59.3313, lon: 18.0597 },
    Slussen: { lat: 59.3195, lon: 18.0722 },
    Liljeholmen: { lat: 59.3105, lon: 18.023 },
    Globen: { lat: 59.2937, lon: 18.083 },
    'Hammarby sjöstad': { lat: 59.304, lon: 18.103 },
    'Karolinska, Solna': { lat: 59.35, lon: 18.03 },
    Arenastaden: { lat: 59.3705, lon: 18.0 },
    Kista: { lat: 59.403, lon: 17.9445 },
    'Bromma flygplats': { lat: 59.3545, lon: 17.942 },
    Frihamnen: { lat: 59.3425, lon: 18.1175 },
    Ropsten: { lat: 59.3575, lon: 18.102 },
  },
  roads: [
    { from: 'T-Centralen', to: 'Slussen', via: [{ lat: 59.3262, lon: 18.0668 }], kmh: 50 },
    {
      from: 'Slussen',
      to: 'Globen',
      via: [
        { lat: 59.3118, lon: 18.0771 },
        { lat: 59.3021, lon: 18.0802 },
      ],
      kmh: 70,
    },
    {
      from: 'Slussen',
      to: 'Hammarby sjöstad',
      via: [
        { lat: 59.3142, lon: 18.0875 },
        { lat: 59.3071, lon: 18.0952 },
      ],
      kmh: 50,
    },
    { from: 'Hammarby sjöstad', to: 'Globen', via: [{ lat: 59.2993, lon: 18.0941 }], kmh: 50 },
    // Södra länken, in its tunnel.
    {
      from: 'Liljeholmen',
      to: 'Globen',
      via: [
        { lat: 59.3028, lon: 18.0398 },
        { lat: 59.2979, lon: 18.0612 },
      ],
      kmh: 70,
    },
    {
      from: 'Liljeholmen',
      to: 'T-Centralen',
      via: [
        { lat: 59.3172, lon: 18.0392 },
        { lat: 59.3248, lon: 18.0501 },
      ],
      kmh: 50,
    },
    {
      from: 'T-Centralen',
      to: 'Karolinska, Solna',
      via: [
        { lat: 59.3398, lon: 18.0488 },
        { lat: 59.3461, lon: 18.0382 },
      ],
      kmh: 50,
    },
    { from: 'Karolinska, Solna', to: 'Arenastaden', via: [{ lat: 59.3589, lon: 18.0195 }], kmh: 70 },
    // E4 north: the motorway from Haga to Kista.
    {
      from: 'Arenastaden',
      to: 'Kista',
      via: [
        { lat: 59.3821, lon: 17.9832 },
        { lat: 59.3936, lon: 17.9605 },
      ],
      kmh: 110,
    },
    {
      from: 'Kista',
      to: 'Bromma flygplats',
      via: [
        { lat: 59.3862, lon: 17.9431 },
        { lat: 59.3688, lon: 17.9452 },
      ],
      kmh: 70,
    },
    // Essingeleden, the motorway over the islands west of the centre.
    {
      from: 'Bromma flygplats',
      to: 'Liljeholmen',
      via: [
        { lat: 59.3356, lon: 17.9881 },
        { lat: 59.3218, lon: 18.0044 },
      ],
      kmh: 90,
    },
    {
      from: 'T-Centralen',
      to: 'Frihamnen',
      via: [
        { lat: 59.3381, lon: 18.0722 },
        { lat: 59.3402, lon: 18.0965 },
      ],
      kmh: 50,
    },
    { from: 'Frihamnen', to: 'Ropsten', via: [{ lat: 59.3497, lon: 18.1124 }], kmh: 50 },
    // Norra länken.
    {
      from: 'Ropsten',
      to: 'Karolinska, Solna',
      via: [
        { lat: 59.3562, lon: 18.0781 },
        { lat: 59.3541, lon: 18.0522 },
      ],
      kmh: 70,
    },
  ],
};

const UPPSALA: Town = {
  id: 'uppsala',
  name: 'Uppsala',
  places: {
    'Uppsala centralstation': { lat: 59.8583, lon: 17.6467 },
    Domkyrkan: { lat: 59.858, lon: 17.633 },
    Akademiska: { lat: 59.849, lon: 17.639 },
    'Gamla Uppsala': { lat: 59.8975, lon: 17.633 },
    Gränby: { lat: 59.879, lon: 17.674 },
    Boländerna: { lat: 59.8505, lon: 17.671 },
    Fyrislund: { lat: 59.849, lon: 17.696 },
    Ultuna: { lat: 59.8165, lon: 17.6565 },
    Flogsta: { lat: 59.85, lon: 17.5905 },
    Stenhagen: { lat: 59.853, lon: 17.578 },
    Librobäck: { lat: 59.879, lon: 17.608 },
  },
  roads: [
    { from: 'Uppsala centralstation', to: 'Domkyrkan', via: [{ lat: 59.8586, lon: 17.6398 }], kmh: 30 },
    { from: 'Domkyrkan', to: 'Akademiska', via: [{ lat: 59.8536, lon: 17.6352 }], kmh: 40 },
    {
      from: 'Akademiska',
      to: 'Ultuna',
      via: [
        { lat: 59.8389, lon: 17.6452 },
        { lat: 59.8262, lon: 17.6511 },
      ],
      kmh: 60,
    },
    { from: 'Uppsala centralstation', to: 'Boländerna', via: [{ lat: 59.8549, lon: 17.6578 }], kmh: 50 },
    { from: 'Boländerna', to: 'Fyrislund', via: [{ lat: 59.8497, lon: 17.6842 }], kmh: 50 },
    // Österleden, the ring road's east side.
    {
      from: 'Fyrislund',
      to: 'Gränby',
      via: [
        { lat: 59.8621, lon: 17.6968 },
        { lat: 59.8722, lon: 17.6881 },
      ],
      kmh: 70,
    },
    {
      from: 'Gränby',
      to: 'Uppsala centralstation',
      via: [
        { lat: 59.8712, lon: 17.6632 },
        { lat: 59.8634, lon: 17.6531 },
      ],
      kmh: 50,
    },
    { from: 'Gränby', to: 'Gamla Uppsala', via: [{ lat: 59.8881, lon: 17.6602 }], kmh: 50 },
    // Bärbyleden, the ring road's north-west side.
    { from: 'Gamla Uppsala', to: 'Librobäck', via: [{ lat: 59.8921, lon: 17.6181 }], kmh: 70 },
    {
      from: 'Librobäck',
      to: 'Domkyrkan',
      via: [
        { lat: 59.8702, lon: 17.6189 },
        { lat: 59.8622, lon: 17.6279 },
      ],
      kmh: 50,
    },
    {
      from: 'Domkyrkan',
      to: 'Flogsta',
      via: [
        { lat: 59.8541, lon: 17.6158 },
        { lat: 59.8512, lon: 17.6012 },
      ],
      kmh: 50,
    },
    { from: 'Flogsta', to: 'Stenhagen', via: [{ lat: 59.8521, lon: 17.5843 }], kmh: 50 },
    // Kungsängsleden towards the E4.
    {
      from: 'Ultuna',
      to: 'Fyrislund',
      via: [
        { lat: 59.8262, lon: 17.6791 },
        { lat: 59.8381, lon: 17.6912 },
      ],
      kmh: 70,
    },
  ],
};

export const TOWNS: Record<TownId, Town> = { sodertalje: SODERTALJE, stockholm: STOCKHOLM, uppsala: UPPSALA };
export const TOWN_IDS = Object.keys(TOWNS) as TownId[];
